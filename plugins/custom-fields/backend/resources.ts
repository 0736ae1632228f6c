import { defineResource, field, type ResourceAction } from '#sdk'
import { customFields } from './custom_fields.ts'
import { fieldResource } from './field_resource.ts'

const MANAGERS: ResourceAction[] = ['list', 'show', 'create', 'update', 'export', 'import']

const STATUS = field.select('status', {
  label: { es: 'Estado', en: 'Status' },
  options: [
    { value: 'active', label: { es: 'Activo', en: 'Active' } },
    { value: 'retired', label: { es: 'Retirado', en: 'Retired' } },
  ],
  readOnly: true,
  listable: true,
  filterable: true,
  sortable: true,
})

/** A change to a profile or field changes the client card: re-read it. */
const invalidate = () => customFields.invalidate()

/**
 * Profiles (P1) and their fields (P2, field_resource.ts) as resources: the
 * generic REST and screens give supervisors list, filters, sort, export,
 * history and the permission checks; a profile's campaigns are a
 * relations field (link table cf_profile_campaigns), written with the
 * profile. What the engine cannot do stays bespoke in fields_controller /
 * profiles_controller: a profile's retire/restore, a field's type change
 * and the reorder.
 */
export default [
  defineResource({
    name: 'cf_profiles',
    table: 'cf_profiles',
    label: { es: 'Perfiles de campos', en: 'Field profiles' },
    defaultSort: 'name',
    // Parámetros → Perfiles y campos edits them with their fields
    menu: false,
    fields: [
      field.id(),
      field.text('name', {
        label: { es: 'Nombre', en: 'Name' },
        required: true,
        maxLength: 120,
        unique: true,
        listable: true,
        filterable: true,
        sortable: true,
        searchable: true,
      }),
      field.textarea('description', {
        label: { es: 'Descripción', en: 'Description' },
        maxLength: 500,
        listable: true,
      }),
      // The campaigns whose clients get the profile's fields, written with the profile.
      field.relations('campaigns', {
        label: { es: 'Campañas', en: 'Campaigns' },
        relation: { resource: 'campaigns', labelField: 'name' },
        through: {
          table: 'cf_profile_campaigns',
          localKey: 'profile_id',
          foreignKey: 'campaign_id',
        },
        listable: true,
        filterable: true,
        help: {
          es: 'Sus campos aparecen en la ficha de los clientes de estas campañas.',
          en: 'Its fields appear on the card of the clients of these campaigns.',
        },
      }),
      { ...STATUS, defaultValue: 'active' },
      ...field.timestamps(),
    ],
    // Agents hold no action: the client card's meta already gives them the
    // fields to fill, and the definitions would only add menu entries.
    permissions: { admin: MANAGERS, supervisor: MANAGERS },
    hooks: {
      beforeCreate: (values) => {
        values.status = 'active'
      },
      afterCreate: invalidate,
      afterUpdate: invalidate,
    },
  }),
  fieldResource,
]

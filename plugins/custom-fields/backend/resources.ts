import { defineResource, field, fieldInputError, type HookContext, type ResourceAction } from '#sdk'
import type { FieldRow } from './custom_field_provider.ts'
import { OPTION_VALUE } from '../shared/field_rules.ts'
import {
  checkOptions,
  type Option,
  checkRange,
  defaultText,
  refuseRemovedOptionsInUse,
} from './field_checks.ts'
import { CUSTOM_FIELD_TYPES } from './field_types.ts'
import { customFields } from './custom_fields.ts'

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
 * Profiles (P1) and their fields (P2) as resources: the generic REST and
 * screens give supervisors list, filters, sort, export, history and the
 * permission checks; a profile's campaigns are a relations field (link
 * table cf_profile_campaigns), written with the profile. What the engine
 * cannot do stays bespoke in fields_controller / profiles_controller:
 * adding a field's clients column (DDL outside any transaction),
 * retire/restore, type change and reorder.
 */
export default [
  defineResource({
    name: 'cf_profiles',
    table: 'cf_profiles',
    label: { es: 'Perfiles de campos', en: 'Field profiles' },
    defaultSort: 'name',
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
  defineResource({
    name: 'cf_fields',
    table: 'cf_fields',
    label: { es: 'Campos personalizados', en: 'Custom fields' },
    defaultSort: 'sort_order',
    fields: [
      field.id(),
      field.relation('profile_id', {
        label: { es: 'Perfil', en: 'Profile' },
        relation: { resource: 'cf_profiles', labelField: 'name' },
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.text('key', {
        label: { es: 'Clave', en: 'Key' },
        readOnly: true,
        listable: true,
        filterable: true,
        sortable: true,
        searchable: true,
      }),
      field.select('type', {
        label: { es: 'Tipo', en: 'Type' },
        options: CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: { es: type, en: type } })),
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.text('label_es', {
        label: { es: 'Etiqueta (es)', en: 'Label (es)' },
        required: true,
        maxLength: 120,
        listable: true,
        filterable: true,
        sortable: true,
        searchable: true,
      }),
      field.text('label_en', {
        label: { es: 'Etiqueta (en)', en: 'Label (en)' },
        required: true,
        maxLength: 120,
        filterable: true,
        searchable: true,
      }),
      field.text('help_es', { label: { es: 'Ayuda (es)', en: 'Help (es)' }, maxLength: 300 }),
      field.text('help_en', { label: { es: 'Ayuda (en)', en: 'Help (en)' }, maxLength: 300 }),
      field.boolean('required', {
        label: { es: 'Obligatorio', en: 'Required' },
        listable: true,
        filterable: true,
      }),
      field.textarea('options', {
        label: { es: 'Opciones (JSON)', en: 'Options (JSON)' },
        maxLength: 60000,
      }),
      field.text('default_value', {
        label: { es: 'Valor por defecto', en: 'Default value' },
        maxLength: 255,
      }),
      field.decimal('min', { label: { es: 'Mínimo', en: 'Minimum' } }),
      field.decimal('max', { label: { es: 'Máximo', en: 'Maximum' } }),
      field.text('group_name', {
        label: { es: 'Grupo', en: 'Group' },
        maxLength: 60,
        listable: true,
        filterable: true,
      }),
      field.number('sort_order', {
        label: { es: 'Orden', en: 'Order' },
        readOnly: true,
        listable: true,
        sortable: true,
      }),
      STATUS,
      ...field.timestamps(),
    ],
    // Fields are created through POST profiles/:id/fields: the clients
    // column is added outside the transaction the engine's create runs in.
    permissions: {
      admin: ['list', 'show', 'update', 'export'],
      supervisor: ['list', 'show', 'update', 'export'],
    },
    hooks: {
      beforeUpdate: checkFieldUpdate,
      afterUpdate: invalidate,
    },
  }),
]

/**
 * A field's update keeps its definition sound: options parse and do not
 * drop a value clients hold, the default obeys the field's own rules, and
 * the range is ordered.
 */
async function checkFieldUpdate(
  values: Record<string, unknown>,
  before: Record<string, unknown>,
  hook: HookContext
) {
  const current = before as unknown as FieldRow
  const next = { ...current, ...values } as FieldRow
  checkRange(next.min as number | null, next.max as number | null)
  if (values.options !== undefined) {
    const options = checkOptions(current.type, parseOptions(values.options))
    if (options) await refuseRemovedOptionsInUse(hook.trx, current, options)
    values.options = options ? JSON.stringify(options) : null
    next.options = values.options as string | null
  }
  if (values.default_value !== undefined) {
    const raw = values.default_value
    const value = current.type === 'multiselect' && typeof raw === 'string' ? raw.split(',') : raw
    values.default_value = defaultText(next, value, 'default_value')
  }
}

function parseOptions(raw: unknown) {
  if (raw === null || raw === '') return undefined
  try {
    const parsed = JSON.parse(String(raw))
    if (Array.isArray(parsed) && parsed.every(isOption)) return parsed as Option[]
  } catch {}
  throw fieldInputError('options', 'Options must be a JSON list of { value, label: { es, en } }')
}

function isOption(option: any) {
  const label = (text: unknown) => typeof text === 'string' && text.trim().length > 0
  return (
    typeof option?.value === 'string' &&
    OPTION_VALUE.test(option.value) &&
    label(option.label?.es) &&
    label(option.label?.en)
  )
}

import { defineResource, field } from '../define_resource.ts'

export const CAMPAIGN_TYPES = ['inbound_voice', 'outbound_dialer'] as const

/**
 * Campaigns (C16). Supervisors run them; agents read the ones they work.
 * A campaign with clients (or, through plugins, gestiones) is history:
 * it is archived rather than deleted — hidden from pickers, still named on
 * its clients and in reports, restorable.
 */
export const campaigns = defineResource({
  name: 'campaigns',
  table: 'campaigns',
  label: { es: 'Campañas', en: 'Campaigns' },
  defaultSort: 'name',
  // agents read campaigns for their pickers; the list is the supervisor's
  menu: { group: 'campanas', roles: ['admin', 'supervisor'] },
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
    field.select('type', {
      label: { es: 'Tipo', en: 'Type' },
      required: true,
      options: [
        { value: 'inbound_voice', label: { es: 'Voz entrante', en: 'Inbound voice' } },
        { value: 'outbound_dialer', label: { es: 'Marcador saliente', en: 'Outbound dialer' } },
      ],
      listable: true,
      filterable: true,
      sortable: true,
    }),
    field.boolean('active', {
      label: { es: 'Activa', en: 'Active' },
      defaultValue: true,
      listable: true,
      filterable: true,
    }),
    field.textarea('description', {
      label: { es: 'Descripción', en: 'Description' },
      maxLength: 500,
    }),
    field.datetime('archived_at', {
      label: { es: 'Archivada', en: 'Archived' },
      readOnly: true,
      listable: true,
      filterable: true,
      sortable: true,
    }),
    ...field.timestamps(),
  ],
  archivable: true,
  keptBy: [
    { table: 'clients', column: 'campaign_id', label: { es: 'cliente(s)', en: 'client(s)' } },
  ],
  permissions: {
    admin: ['list', 'show', 'create', 'update', 'delete', 'export'],
    supervisor: ['list', 'show', 'create', 'update', 'export'],
    agent: ['list', 'show'],
  },
})

import { defineResource, field } from '../define_resource.ts'
import { ClientRules } from '#services/client_rules'
import { ClientViews } from '#services/client_views'
import type { RelationDefinition } from '../types.ts'

export const CLIENT_STATUSES = ['new', 'in_progress', 'contacted', 'closed'] as const

/**
 * Every relation to a client names it by its full name ("María Gómez"):
 * a first name alone is ambiguous on a related-clients tab. The first name
 * stays the field a picker would search if clients lost their `q` search.
 */
export const CLIENT_RELATION: RelationDefinition = {
  resource: 'clients',
  labelField: 'first_name',
  labelFields: ['first_name', 'last_name'],
}

const label = (es: string, en: string) => ({ es, en })

/** The client list's default columns (issue 20: País, Estado, Campaña, Usuario asignado in view). */
const LIST_COLUMNS = [
  'first_name',
  'last_name',
  'document',
  'primary_phone',
  'country',
  'status',
  'campaign_id',
  'assigned_user_id',
]

/**
 * Clients (C1, C2, C8, C11, C14). Agents see the clients of their
 * campaigns and the ones assigned to them. The primary phone is typed once and kept in client_phones; the
 * country follows it.
 */
export const clients = defineResource({
  name: 'clients',
  table: 'clients',
  label: label('Clientes', 'Clients'),
  defaultSort: '-id',
  menu: { group: 'clientes' },
  fields: [
    field.id(),
    field.text('first_name', {
      label: label('Nombres', 'First names'),
      required: true,
      maxLength: 100,
      listable: true,
      sortable: true,
      filterable: true,
    }),
    field.text('last_name', {
      label: label('Apellidos', 'Last names'),
      maxLength: 100,
      listable: true,
      sortable: true,
      filterable: true,
    }),
    field.text('document', {
      label: label('Documento', 'Document'),
      maxLength: 40,
      listable: true,
      filterable: true,
    }),
    field.email('email', {
      label: label('Correo', 'E-mail'),
      maxLength: 254,
      listable: true,
      filterable: true,
    }),
    field.phone('primary_phone', {
      label: label('Teléfono principal', 'Primary phone'),
      listable: true,
      filterable: true,
      help: label(
        'Con prefijo de país, p. ej. +57 300 123 4567',
        'With country code, e.g. +57 300 123 4567'
      ),
    }),
    field.text('country', {
      label: label('País', 'Country'),
      readOnly: true,
      listable: true,
      filterable: true,
    }),
    field.select('gender', {
      label: label('Género', 'Gender'),
      options: [
        { value: 'female', label: label('Femenino', 'Female') },
        { value: 'male', label: label('Masculino', 'Male') },
        { value: 'other', label: label('Otro', 'Other') },
      ],
      filterable: true,
    }),
    field.date('birth_date', {
      label: label('Fecha de nacimiento', 'Birth date'),
      filterable: true,
    }),
    field.select('status', {
      label: label('Estado', 'Status'),
      options: [
        { value: 'new', label: label('Nuevo', 'New') },
        { value: 'in_progress', label: label('En gestión', 'In progress') },
        { value: 'contacted', label: label('Contactado', 'Contacted') },
        { value: 'closed', label: label('Cerrado', 'Closed') },
      ],
      defaultValue: 'new',
      listable: true,
      filterable: true,
    }),
    field.boolean('vip', {
      label: label('VIP', 'VIP'),
      defaultValue: false,
      listable: true,
      filterable: true,
    }),
    field.boolean('bad', {
      label: label('BAD', 'BAD'),
      defaultValue: false,
      listable: true,
      filterable: true,
    }),
    field.relation('campaign_id', {
      label: label('Campaña', 'Campaign'),
      relation: { resource: 'campaigns', labelField: 'name' },
      listable: true,
      filterable: true,
    }),
    field.relation('assigned_user_id', {
      label: label('Usuario asignado', 'Assigned user'),
      relation: { resource: 'users', labelField: 'full_name' },
      listable: true,
      filterable: true,
    }),
    field.relation('base_id', {
      label: label('Base', 'Base'),
      relation: { resource: 'bases', labelField: 'name' },
      readOnly: true,
      filterable: true,
    }),
    field.datetime('last_interaction_at', {
      label: label('Última interacción', 'Last interaction'),
      readOnly: true,
      filterable: true,
    }),
    ...field.timestamps(),
  ],
  permissions: {
    admin: ['list', 'show', 'create', 'update', 'delete', 'export', 'import'],
    supervisor: ['list', 'show', 'create', 'update', 'export', 'import'],
    agent: ['list', 'show', 'create', 'update'],
  },
  scopes: {
    // C14/C16: an agent reads the clients of their campaigns (the list's
    // "Solo mis clientes" narrows it to their own) and their own clients.
    agent: (query, user) =>
      query
        .where('assigned_user_id', user.id)
        .orWhereIn('campaign_id', (campaigns) =>
          campaigns.from('campaign_agents').select('campaign_id').where('user_id', user.id)
        ),
  },
  importsAsBases: true,
  // An update by file finds its clients by one of these (seed 001: the client key).
  importKeys: ['document', 'primary_phone', 'email'],
  // The list fits 1440 px: who the client is and where it stands; e-mail and VIP/BAD (the header's
  // marks) on demand
  defaultColumns: { agent: LIST_COLUMNS, supervisor: LIST_COLUMNS, admin: LIST_COLUMNS },
  // another agent's client is "sin acceso" on its page, a missing one "no existe"
  outOfScopeForbidden: true,
  // A base's deletion keeps the clients that have notes (plugins add theirs).
  keptBy: [
    {
      table: 'client_notes',
      column: 'client_id',
      label: { es: 'nota(s)', en: 'note(s)' },
      keeps: 'fromPurge',
    },
  ],
  search: (query, q) => ClientRules.search(query, q),
  searchSort: 'search_name',
  // C12 refuses a second client with the phone or e-mail of another
  distinctInImport: ['primary_phone', 'email'],
  hooks: {
    beforeCreate: (values, hook) => ClientRules.beforeCreate(values, hook),
    afterCreate: (row, hook) => ClientRules.afterCreate(row, hook),
    beforeCreateMany: (rows, hook) => ClientRules.beforeCreateMany(rows, hook),
    afterCreateMany: (rows, hook) => ClientRules.afterCreateMany(rows, hook),
    importKey: (name, value) => ClientRules.importKey(name, value),
    beforeUpdate: (values, before, hook) => ClientRules.beforeUpdate(values, before, hook),
    afterUpdate: (row, before, hook) => ClientRules.afterUpdate(row, before, hook),
    afterShow: (row, reader) => ClientViews.afterShow(row, reader),
  },
})

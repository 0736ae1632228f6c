import { TableroError, defineResource, field, fieldInputError } from '#sdk'
import { MANAGE } from './access.ts'
import { HHMM } from './calling_hours.ts'
import { normalizeDncNumber } from './do_not_call.ts'

const label = (es: string, en: string) => ({ es, en })
const SUPERVISORS = ['admin', 'supervisor'] as const
const campaign = {
  resource: 'campaigns',
  labelField: 'name',
}

export const CONTACT_STATUSES = ['new', 'claimed', 'recall', 'callback', 'dnc', 'done'] as const

export default [
  /**
   * D3: the lists. Built (created) only by POST /api/p/dialer/lists, which
   * materializes the contacts in the same transaction; renamed, switched
   * on or off and deleted here.
   */
  defineResource({
    name: 'dialer_lists',
    table: 'dialer_lists',
    label: label('Listas de marcador', 'Dialer lists'),
    defaultSort: '-id',
    menu: false,
    fields: [
      field.id(),
      field.text('name', {
        label: label('Nombre', 'Name'),
        required: true,
        maxLength: 120,
        listable: true,
        filterable: true,
        sortable: true,
        searchable: true,
      }),
      field.relation('campaign_id', {
        label: label('Campaña', 'Campaign'),
        relation: campaign,
        required: true,
        createOnly: true,
        listable: true,
        filterable: true,
      }),
      field.boolean('active', {
        label: label('Activa', 'Active'),
        defaultValue: true,
        listable: true,
        filterable: true,
      }),
      field.number('total', {
        label: label('Contactos', 'Contacts'),
        readOnly: true,
        listable: true,
      }),
      field.number('skipped_invalid', {
        label: label('Teléfonos inválidos', 'Invalid phones'),
        readOnly: true,
        listable: true,
      }),
      field.textarea('filter', { label: label('Filtro', 'Filter'), createOnly: true }),
      field.relation('created_by', {
        label: label('Creada por', 'Created by'),
        relation: { resource: 'users', labelField: 'full_name' },
        readOnly: true,
      }),
      ...field.timestamps(),
    ],
    permissions: {
      admin: ['list', 'show', 'create', 'update', 'delete', 'export'],
      supervisor: ['list', 'show', 'create', 'update', 'delete', 'export'],
    },
    hooks: {
      async beforeCreate(_values, hook) {
        if (hook.options.permission !== MANAGE) {
          throw new TableroError(
            'FORBIDDEN',
            'Dialer lists are built from a filter (Marcador)',
            403
          )
        }
      },
    },
  }),

  /** The contacts of the lists, read-only: their state moves through claims and gestiones. */
  defineResource({
    name: 'dialer_contacts',
    table: 'dialer_contacts',
    label: label('Contactos del marcador', 'Dialer contacts'),
    defaultSort: 'id',
    menu: false,
    fields: [
      field.id(),
      field.relation('list_id', {
        label: label('Lista', 'List'),
        relation: { resource: 'dialer_lists', labelField: 'name' },
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.relation('campaign_id', {
        label: label('Campaña', 'Campaign'),
        relation: campaign,
        readOnly: true,
        filterable: true,
      }),
      field.relation('client_id', {
        label: label('Cliente', 'Client'),
        relation: {
          resource: 'clients',
          labelField: 'first_name',
          labelFields: ['first_name', 'last_name'],
        },
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.text('phone', {
        label: label('Teléfono', 'Phone'),
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.select('status', {
        label: label('Estado', 'Status'),
        options: [
          { value: 'new', label: label('Nuevo', 'New') },
          { value: 'claimed', label: label('En llamada', 'In call') },
          { value: 'recall', label: label('Rellamar', 'Recall') },
          { value: 'callback', label: label('Agendado', 'Scheduled') },
          { value: 'dnc', label: label('No llamar', 'Do not call') },
          { value: 'done', label: label('Terminado', 'Done') },
        ],
        readOnly: true,
        listable: true,
        filterable: true,
        sortable: true,
      }),
      field.number('attempts', {
        label: label('Intentos', 'Attempts'),
        readOnly: true,
        listable: true,
        sortable: true,
      }),
      field.datetime('next_at', {
        label: label('Próximo', 'Next'),
        readOnly: true,
        listable: true,
        sortable: true,
      }),
      field.relation('claimed_by', {
        label: label('Agente', 'Agent'),
        relation: { resource: 'users', labelField: 'full_name' },
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.text('last_result', {
        label: label('Último resultado', 'Last result'),
        readOnly: true,
        listable: true,
      }),
      ...field.timestamps(),
    ],
    permissions: { admin: ['list', 'show', 'export'], supervisor: ['list', 'show', 'export'] },
  }),

  /** D4: do-not-call numbers and prefixes, global or per campaign; CSV import rejects garbage per line. */
  defineResource({
    name: 'dialer_dnc',
    table: 'dialer_dnc',
    label: label('No llamar', 'Do not call'),
    defaultSort: '-id',
    menu: { group: 'parametros', roles: [...SUPERVISORS] },
    fields: [
      field.id(),
      field.text('number', {
        label: label('Número o prefijo', 'Number or prefix'),
        required: true,
        maxLength: 40,
        listable: true,
        filterable: true,
        sortable: true,
        searchable: true,
      }),
      field.boolean('is_prefix', {
        label: label('Es prefijo', 'Is a prefix'),
        defaultValue: false,
        listable: true,
        filterable: true,
      }),
      field.relation('campaign_id', {
        label: label('Campaña (vacío: todas)', 'Campaign (empty: all)'),
        relation: campaign,
        listable: true,
        filterable: true,
      }),
      field.text('reason', { label: label('Motivo', 'Reason'), maxLength: 200, listable: true }),
      ...field.timestamps(),
    ],
    permissions: {
      admin: ['list', 'show', 'create', 'update', 'delete', 'export', 'import'],
      supervisor: ['list', 'show', 'create', 'update', 'delete', 'export', 'import'],
    },
    hooks: {
      async beforeCreate(values) {
        values.number = normalizeDncNumber(values.number, Boolean(values.is_prefix))
      },
      async beforeUpdate(values, before) {
        if (values.number === undefined && values.is_prefix === undefined) return
        const isPrefix = Boolean(values.is_prefix ?? before.is_prefix)
        values.number = normalizeDncNumber(values.number ?? before.number, isPrefix)
      },
    },
  }),

  /** D4: a campaign's calling hours (client's local time), attempts, recycling, claim timeout. */
  defineResource({
    name: 'dialer_settings',
    table: 'dialer_settings',
    label: label('Reglas del marcador', 'Dialer rules'),
    defaultSort: 'id',
    menu: { group: 'parametros', roles: [...SUPERVISORS] },
    fields: [
      field.id(),
      field.relation('campaign_id', {
        label: label('Campaña', 'Campaign'),
        relation: campaign,
        required: true,
        unique: true,
        listable: true,
        filterable: true,
      }),
      field.text('call_start', {
        label: label('Llamar desde', 'Call from'),
        maxLength: 5,
        defaultValue: '08:00',
        listable: true,
      }),
      field.text('call_end', {
        label: label('Llamar hasta', 'Call until'),
        maxLength: 5,
        defaultValue: '21:00',
        listable: true,
      }),
      field.number('max_attempts', {
        label: label('Intentos máximos', 'Max attempts'),
        min: 1,
        max: 50,
        defaultValue: 3,
        listable: true,
      }),
      field.number('recycle_hours', {
        label: label('Reciclar no contesta (horas)', 'Recycle no-answer (hours)'),
        min: 0,
        max: 720,
        defaultValue: 4,
        listable: true,
      }),
      field.number('claim_timeout_minutes', {
        label: label('Liberar contacto tras (min)', 'Release a claim after (min)'),
        min: 1,
        max: 1440,
        defaultValue: 15,
        listable: true,
      }),
      field.number('hopper_size', {
        label: label('Tamaño de la cola', 'Hopper size'),
        min: 1,
        max: 5000,
        defaultValue: 200,
        listable: true,
      }),
      field.select('dial_mode', {
        label: label('Modo de marcado', 'Dialing mode'),
        defaultValue: 'preview',
        options: [
          { value: 'preview', label: label('Vista previa', 'Preview') },
          { value: 'progressive', label: label('Progresivo', 'Progressive') },
          { value: 'ratio', label: label('Por ratio', 'Ratio') },
          { value: 'adaptive', label: label('Adaptativo', 'Adaptive') },
        ],
        listable: true,
        filterable: true,
      }),
      field.decimal('dial_level', {
        label: label('Llamadas por agente libre (ratio)', 'Calls per free agent (ratio)'),
        min: 1,
        max: 10,
        defaultValue: 1.5,
      }),
      field.decimal('max_dial_level', {
        label: label('Tope de llamadas por agente', 'Ceiling of calls per agent'),
        min: 1,
        max: 10,
        defaultValue: 3,
      }),
      field.decimal('target_abandon_rate', {
        label: label(
          'Abandono objetivo (0 a 1, adaptativo)',
          'Target abandon rate (0 to 1, adaptive)'
        ),
        min: 0,
        max: 0.5,
        defaultValue: 0.03,
      }),
      ...field.timestamps(),
    ],
    permissions: {
      admin: ['list', 'show', 'create', 'update', 'delete'],
      supervisor: ['list', 'show', 'create', 'update', 'delete'],
    },
    hooks: {
      async beforeCreate(values) {
        checkWindow(values)
      },
      async beforeUpdate(values, before) {
        checkWindow({ ...before, ...values })
      },
    },
  }),
]

function checkWindow(values: Record<string, unknown>) {
  for (const name of ['call_start', 'call_end']) {
    if (values[name] !== undefined && !HHMM.test(String(values[name]))) {
      throw fieldInputError(name, 'A time as HH:mm (08:00)', 'hourMinute')
    }
  }
  if (values.call_start !== undefined && values.call_start === values.call_end) {
    throw fieldInputError('call_end', 'The window needs a start and a later end', 'callingWindow')
  }
}

import { TableroError, defineResource, field, fieldInputError, type HookContext } from '#sdk'
import { SEGMENTS } from './access.ts'
import { portfolioResources } from './portfolio_resources.ts'
import { ofVisibleClients } from './scopes.ts'

const label = (es: string, en: string) => ({ es, en })

export const COLORS = [
  'red',
  'gold',
  'orange',
  'volcano',
  'blue',
  'purple',
  'green',
  'cyan',
  'magenta',
]
export const ICONS = [
  'StopOutlined',
  'WarningOutlined',
  'ExclamationCircleOutlined',
  'ReconciliationOutlined',
  'DollarOutlined',
  'FieldTimeOutlined',
  'PhoneOutlined',
  'MailOutlined',
]

/** A mapping names a live type: a deleted (archived) or missing one is a 422 on the field. */
async function requireLiveType(values: Record<string, unknown>, hook: HookContext) {
  if (values.alert_type_id === undefined) return
  const type = await hook.trx
    .from('ca_alert_types')
    .where('id', Number(values.alert_type_id))
    .whereNull('archived_at')
    .first()
  if (!type) {
    throw fieldInputError(
      'alert_type_id',
      'This alert type was deleted or does not exist',
      'exists'
    )
  }
}

export const DETAIL_OPTIONS = [
  {
    value: 'wrong_phone',
    label: label('Teléfono equivocado o suspendido', 'Wrong or suspended phone'),
  },
  { value: 'whatsapp_unavailable', label: label('WhatsApp no disponible', 'WhatsApp unavailable') },
  { value: 'email_not_found', label: label('Correo no encontrado', 'E-mail not found') },
]

export default [
  /** A1: the catalogue, kept by supervisors. */
  defineResource({
    name: 'ca_alert_types',
    table: 'ca_alert_types',
    label: label('Tipos de alerta', 'Alert types'),
    defaultSort: 'id',
    archivable: true,
    keptBy: [
      { table: 'ca_client_alerts', column: 'alert_type_id', label: label('alerta(s)', 'alert(s)') },
    ],
    menu: { group: 'parametros', roles: ['admin', 'supervisor'] },
    fields: [
      field.id(),
      field.text('key', { label: label('Clave', 'Key'), readOnly: true }),
      field.text('name', {
        label: label('Nombre', 'Name'),
        required: true,
        maxLength: 80,
        listable: true,
        filterable: true,
        sortable: true,
        searchable: true,
      }),
      field.select('color', {
        label: label('Color', 'Colour'),
        required: true,
        options: COLORS.map((value) => ({ value, label: label(value, value) })),
        listable: true,
      }),
      field.select('icon', {
        label: label('Icono', 'Icon'),
        options: ICONS.map((value) => ({ value, label: label(value, value) })),
        defaultValue: 'WarningOutlined',
        listable: true,
      }),
      field.select('alert_group', {
        label: label('Grupo', 'Group'),
        required: true,
        options: [
          { value: 'payment', label: label('Problema de pago', 'Payment problem') },
          { value: 'contact', label: label('Contactabilidad', 'Contactability') },
        ],
        listable: true,
        filterable: true,
      }),
      field.select('lifted_by', {
        label: label('Se levanta con', 'Lifted by'),
        required: true,
        options: [
          {
            value: 'payment',
            label: label(
              'Pago, compromiso o pago a verificar',
              'Payment, promise or payment to verify'
            ),
          },
          { value: 'contact', label: label('Nuevo teléfono o correo', 'New phone or e-mail') },
          { value: 'manual', label: label('Solo a mano', 'By hand only') },
        ],
        defaultValue: 'manual',
        listable: true,
      }),
      field.datetime('archived_at', {
        label: label('Eliminado', 'Deleted'),
        readOnly: true,
        filterable: true,
      }),
      ...field.timestamps(),
    ],
    permissions: {
      admin: ['list', 'show', 'create', 'update', 'delete', 'export'],
      supervisor: ['list', 'show', 'create', 'update', 'delete', 'export'],
      agent: ['list', 'show'],
    },
  }),

  /** A2: which tipificaciones result raises which alert. */
  defineResource({
    name: 'ca_alert_mappings',
    table: 'ca_alert_mappings',
    label: label('Resultados que alertan', 'Results that raise alerts'),
    defaultSort: 'id',
    menu: { group: 'parametros', roles: ['admin', 'supervisor'] },
    fields: [
      field.id(),
      field.relation('result_id', {
        label: label('Resultado', 'Result'),
        relation: { resource: 'tip_results', labelField: 'name' },
        required: true,
        unique: true,
        listable: true,
        filterable: true,
      }),
      field.relation('alert_type_id', {
        label: label('Alerta', 'Alert'),
        relation: { resource: 'ca_alert_types', labelField: 'name' },
        required: true,
        listable: true,
        filterable: true,
      }),
      field.select('detail', {
        label: label('Detalle', 'Detail'),
        options: DETAIL_OPTIONS,
        listable: true,
      }),
      ...field.timestamps(),
    ],
    permissions: {
      admin: ['list', 'show', 'create', 'update', 'delete', 'export', 'import'],
      supervisor: ['list', 'show', 'create', 'update', 'delete', 'export', 'import'],
    },
    hooks: {
      beforeCreate: (values, hook) => requireLiveType(values, hook),
      beforeUpdate: (values, _before, hook) => requireLiveType(values, hook),
    },
  }),

  /**
   * A1–A4: every alert a client had. Raised and lifted only by the plugin
   * (events, webhook, sweep, "Quitar alerta"), each audited in the client's log.
   */
  defineResource({
    name: 'ca_client_alerts',
    table: 'ca_client_alerts',
    label: label('Alertas de clientes', 'Client alerts'),
    defaultSort: '-id',
    menu: { group: 'estadisticas', roles: ['admin', 'supervisor'] },
    fields: [
      field.id(),
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
      field.relation('alert_type_id', {
        label: label('Alerta', 'Alert'),
        relation: { resource: 'ca_alert_types', labelField: 'name' },
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.select('detail', {
        label: label('Detalle', 'Detail'),
        options: DETAIL_OPTIONS,
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.text('channel', {
        label: label('Canal', 'Channel'),
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.text('channel_value', {
        label: label('Teléfono o correo', 'Phone or e-mail'),
        readOnly: true,
        listable: true,
      }),
      field.text('source', {
        label: label('Origen', 'Source'),
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.text('active_key', {
        label: label('Activa (canal)', 'Active (channel)'),
        readOnly: true,
        filterable: true,
      }),
      field.datetime('raised_at', {
        label: label('Levantada el', 'Raised at'),
        readOnly: true,
        listable: true,
        sortable: true,
        filterable: true,
      }),
      field.relation('raised_by', {
        label: label('Levantada por', 'Raised by'),
        relation: { resource: 'users', labelField: 'full_name' },
        readOnly: true,
        listable: true,
      }),
      field.text('raised_reason', {
        label: label('Motivo', 'Reason'),
        readOnly: true,
        listable: true,
      }),
      field.datetime('lifted_at', {
        label: label('Quitada el', 'Lifted at'),
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.relation('lifted_by', {
        label: label('Quitada por', 'Lifted by'),
        relation: { resource: 'users', labelField: 'full_name' },
        readOnly: true,
        listable: true,
      }),
      field.text('lifted_reason', {
        label: label('Motivo de quitar', 'Lift reason'),
        readOnly: true,
        listable: true,
      }),
    ],
    permissions: {
      admin: ['list', 'show', 'export'],
      supervisor: ['list', 'show', 'export'],
      agent: ['list', 'show'],
    },
    scopes: { agent: ofVisibleClients },
  }),

  /** A6: the contactability states the clients' `contactability` filter offers. */
  defineResource({
    name: 'ca_contactability_states',
    table: 'ca_contactability_states',
    label: label('Estados de contactabilidad', 'Contactability states'),
    defaultSort: 'id',
    menu: false,
    fields: [
      field.id(),
      field.text('key', { label: label('Clave', 'Key'), readOnly: true }),
      field.text('name', {
        label: label('Nombre', 'Name'),
        readOnly: true,
        listable: true,
        filterable: true,
        searchable: true,
      }),
    ],
    permissions: { admin: ['list', 'show'], supervisor: ['list', 'show'], agent: ['list', 'show'] },
  }),

  /** A8: saved segments; written through /segments, which parses the tree first. */
  defineResource({
    name: 'ca_segments',
    table: 'ca_segments',
    label: label('Segmentos', 'Segments'),
    defaultSort: 'name',
    // built and listed on the plugin's Segmentos page
    menu: false,
    fields: [
      field.id(),
      field.text('name', {
        label: label('Nombre', 'Name'),
        required: true,
        unique: true,
        maxLength: 120,
        listable: true,
        sortable: true,
        searchable: true,
      }),
      field.textarea('filter', {
        label: label('Filtro', 'Filter'),
        required: true,
        listable: true,
      }),
      field.relation('created_by', {
        label: label('Creado por', 'Created by'),
        relation: { resource: 'users', labelField: 'full_name' },
        readOnly: true,
        listable: true,
      }),
      ...field.timestamps(),
    ],
    permissions: {
      admin: ['list', 'show', 'delete', 'export'],
      supervisor: ['list', 'show', 'delete', 'export'],
    },
    hooks: {
      async beforeCreate(values, hook) {
        requireSegmentsRoute(hook)
        values.created_by = hook.user.id
      },
      async beforeUpdate(_values, _before, hook) {
        requireSegmentsRoute(hook)
      },
    },
  }),

  ...portfolioResources,
]

/** A segment's tree is parsed by its route before the engine writes it. */
function requireSegmentsRoute(hook: HookContext) {
  if (hook.options.permission !== SEGMENTS) {
    throw new TableroError('FORBIDDEN', 'Segments are saved from the segment builder', 403)
  }
}

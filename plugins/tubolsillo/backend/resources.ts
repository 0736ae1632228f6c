import { randomUUID } from 'node:crypto'
import {
  TableroError,
  defineResource,
  field,
  fieldInputError,
  resources,
  type HookContext,
  type RowScope,
} from '#sdk'
import { TOGGLE } from './access.ts'

const label = (es: string, en: string) => ({ es, en })

/** Agents see the toggles of the clients they may read. */
const ofVisibleClients: RowScope = (query, user) =>
  query.whereIn('client_id', resources.visibleKeys('clients', user))

/** What the toggle endpoints hand the engine besides the row (never from a request body). */
export interface ToggleInput {
  bulkId?: number
  retryOf?: number
}

/** Toggles are written only by the plugin's endpoints, which pass their permission. */
function requireTogglePermission(hook: HookContext) {
  if (hook.options.permission !== TOGGLE) {
    throw new TableroError('FORBIDDEN', 'Toggles are requested from the TuBolsillo tab', 403)
  }
}

/** Why a reason cannot be given for `action` (not offered, or meant for the other action). */
function reasonRefusal(reason: Record<string, any> | null | undefined, action: unknown) {
  if (!reason || !reason.active) {
    return fieldInputError('reason_id', 'This reason is not offered', 'exists')
  }
  if (reason.applies_to !== 'both' && reason.applies_to !== action) {
    return fieldInputError('reason_id', `This reason is not for "${action}"`, 'in')
  }
  return null
}

/** A new toggle: pending, with its own idempotency key, and what the endpoint said of it. */
function stampPending(values: Record<string, unknown>, hook: HookContext) {
  const input = (hook.options.input ?? {}) as ToggleInput
  values.status = 'pending'
  values.error = null
  values.idempotency_key = randomUUID()
  values.requested_by = hook.user.id
  values.attempts = 0
  values.bulk_id = input.bulkId ?? null
  values.retry_of = input.retryOf ?? null
}

export default [
  /** W1: the reasons offered when switching a wallet, edited by supervisors. */
  defineResource({
    name: 'tubolsillo_reasons',
    table: 'tubolsillo_reasons',
    label: label('Motivos TuBolsillo', 'TuBolsillo reasons'),
    defaultSort: 'label',
    // Supervisors keep the reasons with the other settings; agents only pick one.
    menu: { group: 'parametros', roles: ['admin', 'supervisor'] },
    fields: [
      field.id(),
      field.text('label', {
        label: label('Motivo', 'Reason'),
        required: true,
        maxLength: 120,
        listable: true,
        filterable: true,
        sortable: true,
        searchable: true,
      }),
      field.select('applies_to', {
        label: label('Para', 'For'),
        options: [
          { value: 'both', label: label('Activar y desactivar', 'Activate and deactivate') },
          { value: 'activate', label: label('Activar', 'Activate') },
          { value: 'deactivate', label: label('Desactivar', 'Deactivate') },
        ],
        defaultValue: 'both',
        required: true,
        listable: true,
        filterable: true,
      }),
      field.boolean('active', {
        label: label('Activo', 'Active'),
        defaultValue: true,
        listable: true,
        filterable: true,
      }),
      ...field.timestamps(),
    ],
    permissions: {
      admin: ['list', 'show', 'create', 'update', 'delete', 'export', 'import'],
      supervisor: ['list', 'show', 'create', 'update', 'delete', 'export'],
      agent: ['list', 'show'],
    },
  }),

  /**
   * W1–W3: every toggle of a client's wallet. Written only by the plugin's
   * endpoints (permission `tubolsillo.toggle`), through the engine, so each
   * is validated and audited in the client's log too (auditSubject).
   */
  defineResource({
    name: 'tubolsillo_toggles',
    table: 'tubolsillo_toggles',
    label: label('Cambios TuBolsillo', 'TuBolsillo toggles'),
    defaultSort: '-id',
    // A supervisor's report; an agent reads a client's toggles in its TuBolsillo tab.
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
        required: true,
        createOnly: true,
        listable: true,
        filterable: true,
      }),
      field.select('action', {
        label: label('Acción', 'Action'),
        options: [
          { value: 'activate', label: label('Activar', 'Activate') },
          { value: 'deactivate', label: label('Desactivar', 'Deactivate') },
        ],
        required: true,
        createOnly: true,
        listable: true,
        filterable: true,
      }),
      field.relation('reason_id', {
        label: label('Motivo', 'Reason'),
        relation: { resource: 'tubolsillo_reasons', labelField: 'label' },
        required: true,
        createOnly: true,
        listable: true,
        filterable: true,
      }),
      field.text('note', {
        label: label('Detalle', 'Details'),
        maxLength: 500,
        createOnly: true,
        listable: true,
      }),
      field.select('status', {
        label: label('Resultado', 'Result'),
        options: [
          { value: 'pending', label: label('Pendiente', 'Pending') },
          { value: 'confirmed', label: label('Confirmado', 'Confirmed') },
          { value: 'failed', label: label('Fallido', 'Failed') },
        ],
        readOnly: true,
        listable: true,
        filterable: true,
      }),
      field.text('error', { label: label('Error', 'Error'), readOnly: true, listable: true }),
      field.text('idempotency_key', { label: label('Clave', 'Key'), readOnly: true }),
      field.number('bulk_id', { label: label('Lote', 'Bulk'), readOnly: true, filterable: true }),
      field.number('retry_of', { label: label('Reintento de', 'Retry of'), readOnly: true }),
      field.relation('requested_by', {
        label: label('Pedido por', 'Requested by'),
        relation: { resource: 'users', labelField: 'full_name' },
        readOnly: true,
        listable: true,
      }),
      field.number('attempts', { label: label('Envíos', 'Sends'), readOnly: true }),
      field.datetime('settled_at', {
        label: label('Resuelto', 'Settled'),
        readOnly: true,
        listable: true,
      }),
      ...field.timestamps(),
    ],
    permissions: {
      admin: ['list', 'show', 'export'],
      supervisor: ['list', 'show', 'export'],
      agent: ['list', 'show'],
    },
    scopes: { agent: ofVisibleClients },
    auditSubject: { resource: 'clients', field: 'client_id' },
    hooks: {
      async beforeCreate(values, hook) {
        requireTogglePermission(hook)
        const reason = await hook.trx
          .from('tubolsillo_reasons')
          .where('id', values.reason_id as number)
          .first()
        const refusal = reasonRefusal(reason, values.action)
        if (refusal) throw refusal
        stampPending(values, hook)
      },
      // A bulk toggle: the reasons asked once for the batch.
      async beforeCreateMany(rows, hook) {
        requireTogglePermission(hook)
        const reasonIds = [...new Set(rows.map((row) => Number(row.values.reason_id)))]
        const reasons = await hook.trx.from('tubolsillo_reasons').whereIn('id', reasonIds)
        const byId = new Map(reasons.map((reason) => [Number(reason.id), reason]))
        for (const row of rows) {
          const refusal = reasonRefusal(byId.get(Number(row.values.reason_id)), row.values.action)
          if (refusal) row.error = refusal
          else stampPending(row.values, hook)
        }
      },
    },
  }),
]

import { DateTime } from 'luxon'
import { defineResource, field, fieldInputError, type HookContext, type ResourceAction } from '#sdk'
import { liftByRule } from './alert_book.ts'
import { actorFor, ofVisibleClients } from './scopes.ts'

const label = (es: string, en: string) => ({ es, en })

const client = () =>
  field.relation('client_id', {
    label: label('Cliente', 'Client'),
    relation: {
      resource: 'clients',
      labelField: 'first_name',
      labelFields: ['first_name', 'last_name'],
    },
    required: true,
    listable: true,
    filterable: true,
  })

const amount = () =>
  field.decimal('amount', {
    label: label('Monto', 'Amount'),
    required: true,
    min: 0.01,
    listable: true,
    filterable: true,
    sortable: true,
  })

const currency = () =>
  field.select('currency', {
    label: label('Moneda', 'Currency'),
    options: ['PEN', 'USD', 'MXN', 'COP', 'CLP'].map((value) => ({
      value,
      label: label(value, value),
    })),
    defaultValue: 'PEN',
    listable: true,
    filterable: true,
  })

/** The day a portfolio row is about (due, paid, promised, reported): required, listed, sortable. */
const day = (name: string, es: string, en: string) =>
  field.date(name, {
    label: label(es, en),
    required: true,
    listable: true,
    filterable: true,
    sortable: true,
  })

/** A row's status: three states, the first the default. */
const status = (
  states: Array<[value: string, es: string, en: string]>,
  options: { readOnly?: boolean } = {}
) =>
  field.select('status', {
    label: label('Estado', 'Status'),
    options: states.map(([value, es, en]) => ({ value, label: label(es, en) })),
    defaultValue: states[0][0],
    listable: true,
    filterable: true,
    ...options,
  })

const EVERYTHING: ResourceAction[] = [
  'list',
  'show',
  'create',
  'update',
  'delete',
  'export',
  'import',
]

/** Supervisors keep the portfolio; agents read it, and record what the client pays or promises. */
const PERMISSIONS = {
  admin: EVERYTHING,
  supervisor: EVERYTHING,
  agent: ['list', 'show', 'create'] as ResourceAction[],
}

/** A3: a payment, a promise or a "pago a verificar" lifts the client's payment alerts. */
async function liftPaymentAlerts(
  rows: Array<Record<string, unknown>>,
  hook: HookContext,
  why: string
) {
  const clients = new Set(rows.map((row) => Number(row.client_id)))
  for (const clientId of clients) {
    await liftByRule(hook.trx, actorFor(hook), clientId, 'payment', why)
  }
}

/** Today in the user's zone, as YYYY-MM-DD. */
function todayFor(hook: HookContext) {
  return DateTime.now()
    .setZone(hook.user.timezone || 'UTC')
    .toISODate()!
}

/** A promise is for today or later (a past date is a 422 on the field). */
function requireFutureDate(values: Record<string, unknown>, hook: HookContext) {
  const date = values.promised_on
  if (date === undefined || date === null) return
  if (String(date).slice(0, 10) < todayFor(hook)) {
    throw fieldInputError('promised_on', 'A promise to pay cannot be dated in the past', 'after')
  }
}

/** A payment keeps the client's pending promises. */
async function keepPromises(rows: Array<Record<string, unknown>>, hook: HookContext) {
  const clients = [...new Set(rows.map((row) => Number(row.client_id)))]
  await hook.trx
    .from('ca_promises')
    .whereIn('client_id', clients)
    .where('status', 'pending')
    .update({ status: 'kept', updated_at: DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss') })
}

export const portfolioResources = [
  /**
   * A7: debts. Days overdue = today − due_date: "days overdue, most first" is
   * `sort=due_date`, and "more than 30 days" is `due_date lt today−30`, both on
   * the (due_date, id) index; the admin shows the days.
   */
  defineResource({
    name: 'ca_debts',
    table: 'ca_debts',
    label: label('Deudas', 'Debts'),
    defaultSort: 'due_date',
    menu: { group: 'clientes' },
    fields: [
      field.id(),
      client(),
      field.text('product', {
        label: label('Producto', 'Product'),
        required: true,
        maxLength: 120,
        listable: true,
        filterable: true,
        searchable: true,
      }),
      amount(),
      currency(),
      day('due_date', 'Vencimiento', 'Due date'),
      ...field.timestamps(),
    ],
    permissions: {
      ...PERMISSIONS,
      agent: ['list', 'show'],
    },
    scopes: { agent: ofVisibleClients },
    auditSubject: { resource: 'clients', field: 'client_id' },
  }),

  /** A7: payments; each lifts the client's payment alerts and keeps its pending promises. */
  defineResource({
    name: 'ca_payments',
    table: 'ca_payments',
    label: label('Pagos', 'Payments'),
    defaultSort: '-paid_on',
    menu: { group: 'clientes' },
    fields: [
      field.id(),
      client(),
      field.relation('debt_id', {
        label: label('Deuda', 'Debt'),
        relation: { resource: 'ca_debts', labelField: 'product' },
        listable: true,
        filterable: true,
      }),
      amount(),
      currency(),
      day('paid_on', 'Fecha de pago', 'Paid on'),
      field.text('reference', {
        label: label('Referencia', 'Reference'),
        maxLength: 80,
        listable: true,
      }),
      ...field.timestamps(),
    ],
    permissions: PERMISSIONS,
    scopes: { agent: ofVisibleClients },
    auditSubject: { resource: 'clients', field: 'client_id' },
    hooks: {
      async afterCreate(row, hook) {
        await keepPromises([row], hook)
        await liftPaymentAlerts([row], hook, 'Pago registrado')
      },
      async afterCreateMany(rows, hook) {
        const values = rows as Array<Record<string, unknown>>
        await keepPromises(values, hook)
        await liftPaymentAlerts(values, hook, 'Pago registrado')
      },
    },
  }),

  /** A7: promises to pay: today or later, a positive amount; kept by a payment, broken by the sweep. */
  defineResource({
    name: 'ca_promises',
    table: 'ca_promises',
    label: label('Compromisos de pago', 'Promises to pay'),
    defaultSort: 'promised_on',
    menu: { group: 'clientes' },
    fields: [
      field.id(),
      client(),
      amount(),
      currency(),
      day('promised_on', 'Fecha comprometida', 'Promised on'),
      status(
        [
          ['pending', 'Pendiente', 'Pending'],
          ['kept', 'Cumplido', 'Kept'],
          ['broken', 'Incumplido', 'Broken'],
        ],
        { readOnly: true }
      ),
      ...field.timestamps(),
    ],
    permissions: PERMISSIONS,
    scopes: { agent: ofVisibleClients },
    auditSubject: { resource: 'clients', field: 'client_id' },
    hooks: {
      beforeCreate: async (values, hook) => requireFutureDate(values, hook),
      beforeUpdate: async (values, _before, hook) => requireFutureDate(values, hook),
      async afterCreate(row, hook) {
        await liftPaymentAlerts([row], hook, 'Compromiso de pago')
      },
    },
  }),

  /** A7: "pago a verificar": a payment the client reports; it lifts payment alerts too. */
  defineResource({
    name: 'ca_payments_to_verify',
    table: 'ca_payments_to_verify',
    label: label('Pagos a verificar', 'Payments to verify'),
    defaultSort: '-reported_on',
    menu: { group: 'clientes' },
    fields: [
      field.id(),
      client(),
      amount(),
      currency(),
      day('reported_on', 'Fecha informada', 'Reported on'),
      status([
        ['pending', 'Por verificar', 'To verify'],
        ['verified', 'Verificado', 'Verified'],
        ['rejected', 'Rechazado', 'Rejected'],
      ]),
      ...field.timestamps(),
    ],
    permissions: PERMISSIONS,
    scopes: { agent: ofVisibleClients },
    auditSubject: { resource: 'clients', field: 'client_id' },
    hooks: {
      async afterCreate(row, hook) {
        await liftPaymentAlerts([row], hook, 'Pago a verificar')
      },
    },
  }),
]

import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { bulkInsert, toSqlDateTime, type PluginDemo } from '#sdk'
import { raiseAlert } from '../backend/alert_book.ts'
import { ensureCatalogue, ensureContactabilityStates } from '../backend/catalogue.ts'

const PRODUCTS = [
  'Tarjeta de crédito',
  'Préstamo personal',
  'Crédito vehicular',
  'Línea de consumo',
]

/** tipificaciones' demo results that raise an alert, and which (A2). */
const MAPPINGS: Array<[string, string, string | null]> = [
  ['No interesado', 'no_quiere_pagar', null],
  ['Número equivocado', 'contactabilidad', 'wrong_phone'],
]

/**
 * A portfolio for the first clients (debts overdue by a few days to a few
 * months, some payments, promises and "pagos a verificar"), the mappings of
 * tipificaciones' demo results, and alerts of every kind on some clients, so
 * the badges, the list column and the filters have something to show.
 */
const demo: PluginDemo = async ({ users }) => {
  const agent = users.find((user) => user.role === 'agent') ?? users[0]
  const today = DateTime.utc().startOf('day')
  const at = (days: number) => toSqlDateTime(today.minus({ days }))
  const date = (days: number) => today.minus({ days }).toISODate()!
  const clientRows = await db.from('clients').orderBy('id').limit(60).select('id', 'email')
  const clients = clientRows.map((row) => ({
    id: Number(row.id),
    email: row.email as string | null,
  }))
  await ensureCatalogue(db.connection())
  await ensureContactabilityStates(db.connection())
  const typeRows = await db.from('ca_alert_types').select('key', 'id')
  const types = new Map<string, number>(typeRows.map((row) => [row.key, Number(row.id)]))
  let alerts = 0
  await db.transaction(async (trx) => {
    const debts = clients.flatMap((client, index) =>
      [0, 1].slice(0, 1 + (index % 2)).map((n) => ({
        client_id: client.id,
        product: PRODUCTS[(index + n) % PRODUCTS.length],
        amount: (250 + ((index * 137 + n * 911) % 9000)).toFixed(2),
        currency: 'PEN',
        due_date: date(5 + ((index * 17 + n * 29) % 180)),
        created_at: at(200),
      }))
    )
    const debtIds = await bulkInsert(trx, 'ca_debts', 'id', debts)
    await bulkInsert(
      trx,
      'ca_payments',
      'id',
      clients.slice(0, 15).map((client, index) => ({
        client_id: client.id,
        debt_id: debtIds[debts.findIndex((debt) => debt.client_id === client.id)],
        amount: (100 + index * 35).toFixed(2),
        currency: 'PEN',
        paid_on: date(index + 1),
        reference: `OP-${10_000 + index}`,
        created_at: at(index + 1),
      }))
    )
    await bulkInsert(
      trx,
      'ca_promises',
      'id',
      clients.slice(15, 30).map((client, index) => ({
        client_id: client.id,
        amount: (300 + index * 20).toFixed(2),
        currency: 'PEN',
        promised_on: date(index % 3 === 0 ? 10 : -(index + 2)),
        status: index % 3 === 0 ? 'broken' : 'pending',
        created_at: at(20),
      }))
    )
    await bulkInsert(
      trx,
      'ca_payments_to_verify',
      'id',
      clients.slice(30, 36).map((client, index) => ({
        client_id: client.id,
        amount: (150 + index * 10).toFixed(2),
        currency: 'PEN',
        reported_on: date(index),
        status: index === 0 ? 'verified' : 'pending',
        created_at: at(index),
      }))
    )
    for (const [resultName, key, detail] of MAPPINGS) {
      const results = await trx.from('tip_results').where('name', resultName).select('id')
      for (const result of results) {
        await trx.table('ca_alert_mappings').insert({
          result_id: result.id,
          alert_type_id: types.get(key),
          detail,
          created_at: at(30),
        })
      }
    }
    await trx.table('ca_segments').insert({
      name: 'No puede pagar o con problemas de contactabilidad',
      filter: JSON.stringify({
        or: [
          { field: 'alerts', op: 'contains', value: types.get('no_puede_pagar') },
          { field: 'alerts', op: 'contains', value: types.get('contactabilidad') },
        ],
      }),
      created_by: users.find((user) => user.role === 'supervisor')?.id ?? null,
      created_at: at(3),
    })
    const actor = { actorId: agent.id, ip: null, requestId: null }
    const story: Array<[string, string | null, string | null]> = [
      ['no_quiere_pagar', null, null],
      ['no_puede_pagar', null, null],
      ['contactabilidad', 'wrong_phone', 'phone'],
      ['contactabilidad', 'email_not_found', 'email'],
      ['reestructuracion', null, null],
      ['refinanciacion', null, null],
      ['promesa_incumplida', null, null],
    ]
    for (const [index, client] of clients.slice(36, 57).entries()) {
      const [key, alertDetail, channel] = story[index % story.length]
      const raised = await raiseAlert(trx, actor, {
        clientId: client.id,
        typeId: types.get(key)!,
        detail: alertDetail,
        channel,
        channelValue: channel === 'email' ? client.email : null,
        source: 'gestion',
        reason: 'Demo: gestión de cobranza',
      })
      if (raised.raised) alerts++
    }
  })
  return `${clients.length} clients with a portfolio, ${alerts} alerts`
}

export default demo

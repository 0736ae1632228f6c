import { createHmac, timingSafeEqual } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import {
  AuditLog,
  SYSTEM_ACTOR,
  TableroError,
  fieldInputError,
  parseDateTimeInput,
  toSqlDateTime,
  type PluginRoutes,
} from '#sdk'
import { METHODS, SERVICES, STATUSES } from './access.ts'
import { clientsOfUsers, shapeTransaction } from './transaction_rules.ts'

/** `sha256=<hex>` of the raw body under `UPG_WEBHOOK_SECRET`. */
export function signBody(secret: string, body: string) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

function verified(secret: string | undefined, body: string, signature: string | undefined) {
  if (!secret || !signature) return false
  const expected = Buffer.from(signBody(secret, body))
  const given = Buffer.from(signature.trim())
  return expected.length === given.length && timingSafeEqual(expected, given)
}

const oneOf = (name: string, value: unknown, allowed: readonly string[]) => {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw fieldInputError(`data.${name}`, `One of: ${allowed.join(', ')}`, 'in')
  }
  return value
}

const textOf = (name: string, value: unknown, max: number, required = true) => {
  if (value === null || value === undefined || value === '') {
    if (required) throw fieldInputError(`data.${name}`, 'Required', 'required')
    return null
  }
  const text = String(value)
  if (text.length > max)
    throw fieldInputError(`data.${name}`, `At most ${max} characters`, 'maxLength')
  return text
}

/**
 * The event's transaction as a store row. A card number in `card_number`
 * or `pan` is cut to BIN + last 4 by shapeTransaction before anything keeps it.
 */
function transactionValues(data: Record<string, any>) {
  const amount = Number(data.amount)
  if (!Number.isFinite(amount)) throw fieldInputError('data.amount', 'A number', 'number')
  const values: Record<string, unknown> = {
    external_user_id: textOf('user_id', data.user_id, 64),
    service: oneOf('service', data.service, SERVICES),
    order_number: textOf('order_number', data.order_number, 64),
    amount,
    currency: textOf('currency', data.currency ?? 'USD', 3),
    payment_method: oneOf('payment_method', data.payment_method, METHODS),
    card_bin: data.card_number ?? data.pan ?? data.card_mask ?? data.card_bin ?? null,
    card_last4: data.card_last4 ?? null,
    card_brand: textOf('card_brand', data.card_brand, 20, false),
    gateway: textOf('gateway', data.gateway, 40, false),
    payment_ip: textOf('payment_ip', data.payment_ip, 45, false),
    status: oneOf('status', data.status, STATUSES),
    occurred_at: toSqlDateTime(parseDateTimeInput(data.date, 'data.date')),
  }
  try {
    shapeTransaction(values)
  } catch (error) {
    // the webhook's fields live under `data`
    if (error instanceof TableroError && error.fields) {
      for (const field of error.fields)
        field.field = `data.${field.field === 'card_bin' ? 'card_number' : field.field}`
    }
    throw error
  }
  return values
}

/**
 * Mounted under /api/webhooks/upg with no session: the gateway signs each call
 * (`x-upg-signature: sha256=<HMAC-SHA256 of the raw body>` under
 * `UPG_WEBHOOK_SECRET`). Unsigned or badly signed → 401; an event id seen
 * before → 409, nothing written twice.
 */
const webhooks: PluginRoutes = (router) => {
  router.post('events', async (ctx) => {
    const raw = ctx.request.raw() ?? ''
    if (!verified(process.env.UPG_WEBHOOK_SECRET, raw, ctx.request.header('x-upg-signature'))) {
      throw new TableroError('BAD_SIGNATURE', 'Missing or wrong x-upg-signature', 401)
    }
    const body = ctx.request.body() as { event_id?: unknown; type?: unknown; data?: unknown }
    const eventId = textOf('event_id', body.event_id, 100)
    if (body.type !== 'transaction') {
      throw fieldInputError('type', 'Only "transaction" events are taken', 'in')
    }
    if (!body.data || typeof body.data !== 'object') {
      throw fieldInputError('data', 'The transaction', 'required')
    }
    const values = transactionValues(body.data as Record<string, any>)
    const now = toSqlDateTime(DateTime.utc())
    const id = await db
      .transaction(async (trx) => {
        const seen = await trx.from('upg_webhook_events').where('event_id', eventId!).first()
        if (seen) throw new TableroError('REPLAYED', `Event ${eventId} was already applied`, 409)
        const clients = await clientsOfUsers(trx, [String(values.external_user_id)])
        values.client_id = clients.get(String(values.external_user_id)) ?? null
        const [inserted] = await trx
          .table('upg_transactions')
          .insert({ ...values, created_at: now, updated_at: now })
        const transactionId = Number(inserted)
        await trx.table('upg_webhook_events').insert({
          event_id: eventId,
          type: 'transaction',
          transaction_id: transactionId,
          received_at: now,
        })
        await AuditLog.record(trx, SYSTEM_ACTOR, {
          action: 'upg.webhook',
          resource: 'upg_transactions',
          recordId: transactionId,
          after: { ...values, event_id: eventId },
          subject: values.client_id ? 'clients' : null,
          subjectId: (values.client_id as number | null) ?? null,
        })
        return transactionId
      })
      .catch((error) => {
        // two deliveries of one event at the same moment: the key lets one through
        if (/ER_DUP_ENTRY|UNIQUE constraint failed/.test(String(error?.code ?? error?.message))) {
          throw new TableroError('REPLAYED', `Event ${eventId} was already applied`, 409)
        }
        throw error
      })
    ctx.response.status(201)
    return { data: { id, eventId } }
  })
}

export default webhooks

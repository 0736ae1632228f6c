import { createHmac, timingSafeEqual } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { SYSTEM_ACTOR, TableroError, toSqlDateTime, tryNormalizePhone } from '#sdk'
import { alertsChanged, liftByRule, liveType, raiseAlert } from './alert_book.ts'
import { isDuplicate } from './catalogue.ts'
import { TYPE_KEYS } from './access.ts'

export const SIGNATURE_HEADER = 'x-tablero-signature'

/** What each channel event means: the alert it raises (detail, channel), or a lift. */
const EVENTS = {
  'whatsapp.contact_not_found': { detail: 'whatsapp_unavailable', channel: 'whatsapp' },
  'email.bounce': { detail: 'email_not_found', channel: 'email' },
  'phone.invalid': { detail: 'wrong_phone', channel: 'phone' },
  'whatsapp.delivered': { lift: 'whatsapp' },
  'email.delivered': { lift: 'email' },
} as const
type EventType = keyof typeof EVENTS

const eventValidator = vine.compile(
  vine.object({
    eventId: vine.string().trim().minLength(1).maxLength(120),
    type: vine.enum(Object.keys(EVENTS) as EventType[]),
    phone: vine.string().trim().maxLength(40).optional(),
    email: vine.string().trim().maxLength(254).optional(),
  })
)

/**
 * The sender signs the raw body with HMAC-SHA256 and the shared secret
 * (COLLECTIONS_ALERTS_WEBHOOK_SECRET): `x-tablero-signature: sha256=<hex>`.
 * No secret configured refuses every call: an open webhook would let anyone
 * flag clients.
 */
function requireSignature(ctx: HttpContext) {
  const secret = process.env.COLLECTIONS_ALERTS_WEBHOOK_SECRET
  const given = String(ctx.request.header(SIGNATURE_HEADER) ?? '').replace(/^sha256=/, '')
  const raw = ctx.request.raw() ?? ''
  if (!secret || !/^[0-9a-f]{64}$/i.test(given)) {
    throw new TableroError('BAD_SIGNATURE', 'The webhook call is not signed', 401)
  }
  const expected = createHmac('sha256', secret).update(raw).digest()
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) {
    throw new TableroError('BAD_SIGNATURE', 'The webhook signature does not match', 401)
  }
}

/** The client who owns the channel value: its phone (E.164) or its e-mail. */
async function ownerOf(channel: string, input: { phone?: string; email?: string }) {
  if (channel === 'email') {
    if (!input.email)
      throw new TableroError('UNKNOWN_CHANNEL', 'An e-mail event names the e-mail', 422)
    const email = input.email.toLowerCase()
    const row =
      (await db
        .from('client_emails')
        .whereRaw('lower(email) = ?', [email])
        .select('client_id')
        .first()) ??
      (await db.from('clients').where('email', email).select('id as client_id').first())
    return row ? { clientId: Number(row.client_id), value: email } : null
  }
  const e164 = input.phone ? tryNormalizePhone(input.phone) : null
  if (!e164) throw new TableroError('UNKNOWN_CHANNEL', 'A phone event names a valid phone', 422)
  const row = await db.from('client_phones').where('e164', e164).select('client_id').first()
  return row ? { clientId: Number(row.client_id), value: e164 } : null
}

/**
 * A2/A3 from the channels: WhatsApp "contact not found", an e-mail bounce or a
 * wrong phone raise "problema de contactabilidad" with its detail, the phone
 * or e-mail marked; a delivered message lifts it. Idempotent by event id: a
 * replay is a 409 and changes nothing; so is any refused call.
 */
/**
 * Runs a transaction again when MariaDB chose it as a deadlock's victim
 * (two events of one client at once lock the same index gaps): the victim
 * was rolled back whole, so running it again is safe.
 */
async function retryDeadlock<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code !== 'ER_LOCK_DEADLOCK' || attempt >= attempts) throw error
    }
  }
}

export async function receiveChannelEvent(ctx: HttpContext) {
  requireSignature(ctx)
  const input = await ctx.request.validateUsing(eventValidator)
  const meaning = EVENTS[input.type]
  const channel = 'lift' in meaning ? meaning.lift : meaning.channel
  if (await db.from('ca_webhook_events').where('event_id', input.eventId).first()) {
    throw new TableroError('REPLAYED', 'This event was already received', 409)
  }
  const owner = await ownerOf(channel, input)
  if (!owner) throw new TableroError('UNKNOWN_CLIENT', 'No client has this phone or e-mail', 404)
  const type = await liveType(db.connection(), { key: TYPE_KEYS.contactability })
  if (!type) throw new TableroError('NO_ALERT_TYPE', 'The contactability alert was deleted', 409)

  const outcome = await retryDeadlock(() =>
    db.transaction(async (trx) => {
      try {
        await trx
          .insertQuery()
          .table('ca_webhook_events')
          .insert({
            event_id: input.eventId,
            kind: input.type,
            client_id: owner.clientId,
            received_at: toSqlDateTime(DateTime.utc()),
          })
      } catch (error) {
        // the same event arriving twice at once: the unique event id lets one through
        if (isDuplicate(error)) {
          throw new TableroError('REPLAYED', 'This event was already received', 409)
        }
        throw error
      }
      const why = `Canal: ${input.type} (${input.eventId})`
      if ('lift' in meaning) {
        const lifted = await liftByRule(trx, SYSTEM_ACTOR, owner.clientId, 'contact', why, [
          channel,
        ])
        return { lifted }
      }
      const alert = await raiseAlert(trx, SYSTEM_ACTOR, {
        clientId: owner.clientId,
        typeId: Number(type.id),
        detail: meaning.detail,
        channel,
        channelValue: owner.value,
        source: 'webhook',
        reason: why,
      })
      return { alertId: alert.id, raised: alert.raised }
    })
  )
  const holder = await db
    .from('clients')
    .where('id', owner.clientId)
    .select('assigned_user_id')
    .first()
  if (holder?.assigned_user_id) alertsChanged([Number(holder.assigned_user_id)], owner.clientId)
  return ctx.response.ok({ data: { clientId: owner.clientId, ...outcome } })
}

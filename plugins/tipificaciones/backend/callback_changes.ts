import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import {
  TableroError,
  fieldInputError,
  normalizePhone,
  parseDateTimeInput,
  toSqlDateTime,
} from '#sdk'

/** What the agenda asks of a callback besides "Quitar" (the input of the engine's write). */
export type CallbackChange =
  | { op: 'claim' }
  | {
      op: 'edit'
      dueAt?: string
      userId?: number | null
      phone?: string
      notes?: string | null
      confirmUnknownPhone?: boolean
    }

export interface CallbackEvent {
  clientId: number
  campaignId: number
  dueAt: string
  userId?: number
  phone?: string
  notes?: string
  confirmUnknownPhone?: boolean
}

/** An event is never moved into, nor created in, the past (422 naming the field). */
export function futureDue(raw: string, field = 'dueAt') {
  const when = parseDateTimeInput(raw, field)
  if (when <= DateTime.utc()) {
    throw new TableroError('CALLBACK_IN_PAST', 'The callback must be in the future', 422, [
      { field, message: 'Pick a future date and time', rule: 'future' },
    ])
  }
  return toSqlDateTime(when)
}

/** Whoever gets an event works its campaign (422 on `userId` otherwise). */
export async function requireCampaignAgent(
  trx: QueryClientContract,
  campaignId: number,
  userId: number
) {
  const member = await trx
    .from('campaign_agents')
    .where({ campaign_id: campaignId, user_id: userId })
    .first()
  if (!member) {
    throw fieldInputError('userId', 'This agent does not work in the campaign', 'campaignAgent')
  }
}

/**
 * The phone an event is called on, in E.164. A number no client has in the
 * system cannot be managed by the agent (the client page and caller-ID
 * lookup will not find it): the write is refused with 409 UNKNOWN_PHONE
 * until the user confirms (`confirmUnknownPhone`).
 */
export async function checkedPhone(
  trx: QueryClientContract,
  raw: string,
  confirmed: boolean | undefined
) {
  const e164 = normalizePhone(raw, 'phone').e164
  if (confirmed) return e164
  const onClient = await trx.from('clients').where('primary_phone', e164).select('id').first()
  const onPhones =
    onClient ?? (await trx.from('client_phones').where('e164', e164).select('id').first())
  if (!onPhones) {
    throw new TableroError(
      'UNKNOWN_PHONE',
      'No client has this phone: the agent will not be able to manage the event',
      409,
      [{ field: 'phone', message: 'Unknown phone number', rule: 'unknownPhone' }]
    )
  }
  return e164
}

/** The answer to an agent who asks for a callback another agent just took. */
export function callbackTaken() {
  return new TableroError(
    'CALLBACK_TAKEN',
    'Another agent took this callback a moment ago: pick another one from the queue',
    409
  )
}

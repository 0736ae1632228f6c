import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { fieldInputError, tryNormalizePhone } from '#sdk'

/**
 * The do-not-call entries that bind a campaign (its own and the global
 * ones), read once per refill: exact numbers in a set, prefixes in a list.
 */
export class DoNotCall {
  private constructor(
    private numbers: Set<string>,
    private prefixes: string[]
  ) {}

  static async forCampaign(campaignId: number, client: QueryClientContract = db.connection()) {
    const rows = await client
      .from('dialer_dnc')
      .where((query) => query.whereNull('campaign_id').orWhere('campaign_id', campaignId))
      .select('number', 'is_prefix')
    const numbers = new Set<string>()
    const prefixes: string[] = []
    for (const row of rows) {
      if (Number(row.is_prefix)) prefixes.push(row.number)
      else numbers.add(row.number)
    }
    return new DoNotCall(numbers, prefixes)
  }

  /**
   * One phone against the list, by index: the entries equal to the phone
   * or to one of its prefixes (a claim checks again what was queued).
   */
  static async blocksPhone(
    phone: string,
    campaignId: number,
    client: QueryClientContract = db.connection()
  ) {
    const heads = Array.from({ length: phone.length - 1 }, (_, index) => phone.slice(0, index + 2))
    const hit = await client
      .from('dialer_dnc')
      .whereIn('number', heads)
      .where((query) => query.whereNull('campaign_id').orWhere('campaign_id', campaignId))
      .where((query) => query.where('is_prefix', true).orWhere('number', phone))
      .select('id')
      .first()
    return Boolean(hit)
  }

  blocks(phone: string) {
    return this.numbers.has(phone) || this.prefixes.some((prefix) => phone.startsWith(prefix))
  }
}

const PREFIX = /^\+[1-9]\d{0,13}$/

/**
 * A do-not-call entry as stored: a number in E.164 (any way an agent
 * types it), or with `is_prefix` a `+` and 1–14 digits. Garbage is a 422
 * on `number` (an import rejects that line only).
 */
export function normalizeDncNumber(raw: unknown, isPrefix: boolean) {
  const text = String(raw ?? '').replace(/[\s().-]/g, '')
  if (isPrefix) {
    if (!PREFIX.test(text)) {
      throw fieldInputError('number', 'A prefix is + and up to 14 digits (+5411)', 'dncPrefix')
    }
    return text
  }
  const e164 = text ? tryNormalizePhone(text) : null
  if (!e164)
    throw fieldInputError('number', `"${String(raw ?? '')}" is not a valid phone number`, 'phone')
  return e164
}

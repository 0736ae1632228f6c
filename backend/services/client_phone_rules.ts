import type { HookContext } from '#resources/types'
import { TableroError } from '#exceptions/tablero_error'
import { normalizePhone } from '#services/phone_number'
import { ClientDuplicates } from '#services/client_duplicates'

type Values = Record<string, unknown>

/**
 * C3 rules: numbers are stored in E.164 with their country; a number that
 * another client has is refused; exactly one primary per client, mirrored
 * on the client card (primary_phone, country).
 */
export class ClientPhoneRules {
  static async beforeWrite(values: Values, before: Values | null, hook: HookContext) {
    const clientId = (values.client_id ?? before?.client_id) as number
    if (typeof values.e164 === 'string') {
      const phone = normalizePhone(values.e164, 'e164')
      values.e164 = phone.e164
      values.country = phone.country
      const taken = await hook.trx
        .from('client_phones')
        .where('e164', phone.e164)
        .if(before, (q) => q.whereNot('id', before!.id as number))
        .select('client_id')
        .first()
      if (taken && taken.client_id !== clientId) {
        const readable = await hook.readableIds('clients', [taken.client_id])
        throw ClientDuplicates.phoneRefusal(taken.client_id, phone.e164, readable)
      }
      if (taken) {
        throw new TableroError(
          'DUPLICATE_PHONE',
          `This client already has ${phone.e164}`,
          409,
          [{ field: 'e164', message: 'This client already has this number', rule: 'duplicate' }],
          { phone: phone.e164 }
        )
      }
    }
    if (!before) {
      const others = await hook.trx
        .from('client_phones')
        .where('client_id', clientId)
        .count('* as n')
      // The first phone of a client is its primary phone.
      if (Number(others[0].n) === 0) values.is_primary = 1
    } else if (values.is_primary === 0 && before.is_primary) {
      throw new TableroError(
        'PRIMARY_PHONE_REQUIRED',
        'Set another phone as primary instead of unsetting this one',
        409,
        [{ field: 'is_primary', message: 'Choose another primary phone first', rule: 'primary' }]
      )
    }
  }

  static async afterWrite(row: Values, hook: HookContext) {
    const current = await hook.trx
      .from('client_phones')
      .where('id', row.id as number)
      .firstOrFail()
    if (!current.is_primary) return
    await hook.trx
      .from('client_phones')
      .where('client_id', current.client_id)
      .whereNot('id', current.id)
      .update({ is_primary: 0 })
    await hook.trx
      .from('clients')
      .where('id', current.client_id)
      .update({ primary_phone: current.e164, country: current.country })
  }

  /**
   * Deleting the primary phone promotes the oldest remaining one; deleting
   * the last phone clears the card's primary phone.
   */
  static async beforeDelete(row: Values, hook: HookContext) {
    if (!row.is_primary) return
    const next = await hook.trx
      .from('client_phones')
      .where('client_id', row.client_id as number)
      .whereNot('id', row.id as number)
      .orderBy('id', 'asc')
      .first()
    if (next) await hook.trx.from('client_phones').where('id', next.id).update({ is_primary: 1 })
    await hook.trx
      .from('clients')
      .where('id', row.client_id as number)
      .update({ primary_phone: next?.e164 ?? null, country: next?.country ?? null })
  }
}

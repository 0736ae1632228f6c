import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { fieldInputError } from '#sdk'
import { cutCard } from './card.ts'
import { ipNetwork, isIpAddress } from './ip.ts'

type Values = Record<string, unknown>

/**
 * What every stored transaction goes through, from a form, a CSV line or the
 * webhook: the card cut to BIN + last 4 (a PAN in `card_bin` is cut here,
 * before the insert), the IP checked and its /24 kept, and the CRM client
 * found from the gateway's user id when the row does not name it.
 */
export function shapeTransaction(values: Values) {
  const card = values.card_bin ?? null
  if (card !== null && card !== '') {
    const cut = cutCard(card)
    if (cut) {
      values.card_bin = cut.bin
      values.card_last4 ??= cut.last4
    } else if (/^\d{6}$/.test(String(card))) {
      values.card_bin = String(card)
    } else {
      // never echo the value: it may be a mistyped PAN
      throw fieldInputError(
        'card_bin',
        'A card is its 6-digit BIN, a mask or a card number',
        'card'
      )
    }
  } else {
    values.card_bin = null
  }
  if (values.card_last4 !== null && values.card_last4 !== undefined) {
    if (!/^\d{4}$/.test(String(values.card_last4))) {
      throw fieldInputError('card_last4', 'The last 4 digits of the card', 'card')
    }
    values.card_last4 = String(values.card_last4)
  }
  const ip = values.payment_ip ? String(values.payment_ip) : null
  if (ip && !isIpAddress(ip)) {
    throw fieldInputError('payment_ip', 'Not an IP address', 'ip')
  }
  values.ip_network = ip ? ipNetwork(ip) : null
}

/** The CRM clients of these gateway user ids (one query). */
export async function clientsOfUsers(trx: QueryClientContract, userIds: string[]) {
  const unique = [...new Set(userIds.filter(Boolean))]
  if (unique.length === 0) return new Map<string, number>()
  const rows = await trx
    .from('upg_clients')
    .whereIn('external_user_id', unique)
    .select('external_user_id', 'client_id')
  return new Map(rows.map((row) => [String(row.external_user_id), Number(row.client_id)]))
}

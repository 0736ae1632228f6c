import db from '@adonisjs/lucid/services/db'
import { fieldInputError } from '#sdk'
import { cutCard } from './card.ts'
import { presentStored } from './gateway.ts'
import { ipNetwork, isIpAddress } from './ip.ts'

export interface FraudQuery {
  card?: unknown
  ip?: unknown
  /** `exact` (default) or `network`: the same /24 */
  ipScope?: unknown
}

/** How many matches a search shows; the count says how many there are. */
const SHOWN = 50

/**
 * U4: payments across every client by card mask (BIN + last 4, the
 * (card_bin, card_last4) index) or by payment IP (exact: `payment_ip`; the
 * same /24: `ip_network`, both indexed), with the clients they belong to.
 * Reads the local store: the gateway offers no search across users.
 */
export async function fraudSearch(input: FraudQuery) {
  const query = db.from('upg_transactions as t')
  const criteria: Record<string, string> = {}
  if (input.card !== undefined && input.card !== null && input.card !== '') {
    const card = cutCard(input.card)
    if (!card) {
      throw fieldInputError(
        'card',
        'A card mask is its first 6 and last 4 digits (411111******1111)',
        'card'
      )
    }
    query.where('t.card_bin', card.bin).where('t.card_last4', card.last4)
    criteria.card = `${card.bin}******${card.last4}`
  }
  if (input.ip !== undefined && input.ip !== null && input.ip !== '') {
    const ip = String(input.ip).trim()
    if (!isIpAddress(ip)) throw fieldInputError('ip', 'Not an IP address', 'ip')
    if (input.ipScope === 'network') {
      const network = ipNetwork(ip)
      if (!network) throw fieldInputError('ipScope', 'A /24 search needs an IPv4 address', 'ip')
      query.where('t.ip_network', network)
      criteria.network = `${network}.0/24`
    } else {
      query.where('t.payment_ip', ip)
      criteria.ip = ip
    }
  }
  if (Object.keys(criteria).length === 0) {
    throw fieldInputError('card', 'Give a card mask or an IP address', 'required')
  }

  const [{ total }] = await query.clone().count('* as total')
  const rows = await query
    .clone()
    .leftJoin('clients as c', 'c.id', 't.client_id')
    .select('t.*', 'c.first_name', 'c.last_name')
    .orderBy('t.id', 'desc')
    .limit(SHOWN)
  const perClient = await query
    .clone()
    .whereNotNull('t.client_id')
    .select('t.client_id')
    .count('* as transactions')
    .max('t.occurred_at as last_at')
    .groupBy('t.client_id')
    .orderBy('transactions', 'desc')
    .limit(SHOWN)
  const names = await db
    .from('clients')
    .whereIn(
      'id',
      perClient.map((row) => Number(row.client_id))
    )
    .select('id', 'first_name', 'last_name')
  const nameOf = new Map(names.map((row) => [Number(row.id), fullName(row)]))

  return {
    criteria,
    total: Number(total),
    clients: perClient.map((row) => ({
      clientId: Number(row.client_id),
      name: nameOf.get(Number(row.client_id)) ?? null,
      transactions: Number(row.transactions),
      lastAt: presentStored({ ...row, occurred_at: row.last_at }).date,
    })),
    transactions: rows.map((row) => ({
      ...presentStored(row),
      clientName: row.client_id === null ? null : fullName(row),
    })),
  }
}

function fullName(row: { first_name: string; last_name: string | null }) {
  return [row.first_name, row.last_name].filter(Boolean).join(' ')
}

import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { toSqlDateTime, type PluginDemo } from '#sdk'
import { ipNetwork } from '../backend/ip.ts'

const SERVICES = ['travel', 'shipping', 'market', 'topups', 'remittances']
const STATUSES = ['approved', 'approved', 'approved', 'pending', 'declined', 'refunded']
const GATEWAYS = ['Stripe', 'Adyen', 'PayPal', 'Redsys']
const CARDS = [
  { bin: '411111', brand: 'Visa' },
  { bin: '550000', brand: 'Mastercard' },
  { bin: '378282', brand: 'Amex' },
  { bin: '601100', brand: 'Discover' },
]
const PREFIX = { travel: 'VJ', shipping: 'EN', market: 'MK', topups: 'RC', remittances: 'RM' }

/**
 * Gateway users and a few months of payments for the first clients, so the
 * client page's UPG tab has rows in every service; the first two clients
 * share a card (411111******1111) and a /24, so the anti-fraud search finds
 * both.
 */
const demo: PluginDemo = async () => {
  const clients = await db
    .from('clients')
    .orderBy('id')
    .limit(40)
    .select('id', 'first_name', 'last_name', 'email', 'country')
  const now = DateTime.utc()
  let transactions = 0
  await db.transaction(async (trx) => {
    for (const [index, client] of clients.entries()) {
      const userId = `U-${100000 + Number(client.id)}`
      await trx.table('upg_clients').insert({
        client_id: client.id,
        external_user_id: userId,
        full_name: [client.first_name, client.last_name].filter(Boolean).join(' '),
        email: client.email,
        phone: null,
        country: client.country,
        kyc_status: index % 7 === 3 ? 'pending' : 'verified',
        level: index % 5 === 0 ? 'Gold' : 'Standard',
        registered_at: toSqlDateTime(now.minus({ days: 400 - index * 5 })),
        created_at: toSqlDateTime(now.minus({ days: 30 })),
      })
      const rows = []
      for (let n = 0; n < 4 + (index % 5); n++) {
        const service = SERVICES[(index + n) % SERVICES.length] as keyof typeof PREFIX
        const card = CARDS[(index + n) % CARDS.length]
        const shared = index < 2 && n === 0
        const ip = shared ? `203.0.113.${10 + index}` : `198.51.${index % 200}.${20 + n}`
        const method = n % 4 === 3 ? 'wallet' : 'card'
        rows.push({
          client_id: client.id,
          external_user_id: userId,
          service,
          order_number: `${PREFIX[service]}-${200000 + index * 10 + n}`,
          amount: (((index + 3) * (n + 7) * 37) % 50000) / 100 + 5,
          currency: 'USD',
          payment_method: method,
          card_bin: method === 'card' ? (shared ? '411111' : card.bin) : null,
          card_last4:
            method === 'card' ? (shared ? '1111' : String(1000 + ((index * 7 + n) % 9000))) : null,
          card_brand: method === 'card' ? (shared ? 'Visa' : card.brand) : null,
          gateway: GATEWAYS[(index + n) % GATEWAYS.length],
          payment_ip: ip,
          ip_network: ipNetwork(ip),
          status: STATUSES[(index + n) % STATUSES.length],
          occurred_at: toSqlDateTime(now.minus({ days: n * 9 + (index % 6), hours: index })),
          created_at: toSqlDateTime(now.minus({ days: 1 })),
        })
      }
      await trx.table('upg_transactions').multiInsert(rows)
      transactions += rows.length
    }
  })
  return `${clients.length} cuentas UPG, ${transactions} transacciones`
}

export default demo

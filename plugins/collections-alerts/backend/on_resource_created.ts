import db from '@adonisjs/lucid/services/db'
import { SYSTEM_ACTOR, type PluginEventHandler } from '#sdk'
import { alertsChanged, liftByRule } from './alert_book.ts'

/** The engine's `resource.created` payload. */
interface ResourceWrite {
  resource: string
  id: string | number
}

/** A new phone fixes the phone and WhatsApp channels; a new e-mail the e-mail one. */
const CHANNELS: Record<string, { table: string; channels: string[] }> = {
  client_phones: { table: 'client_phones', channels: ['phone', 'whatsapp'] },
  client_emails: { table: 'client_emails', channels: ['email'] },
}

/** Writes whose hooks lift payment alerts (portfolio_resources.ts). */
const PAYMENT_TABLES: Record<string, string> = {
  ca_payments: 'ca_payments',
  ca_promises: 'ca_promises',
  ca_payments_to_verify: 'ca_payments_to_verify',
}

/** The client's agent sees the change at once: its badges ask again. */
async function tellHolder(clientId: number) {
  const holder = await db.from('clients').where('id', clientId).select('assigned_user_id').first()
  if (holder?.assigned_user_id) alertsChanged([Number(holder.assigned_user_id)], clientId)
}

/**
 * After a write commits: a new phone or e-mail on a client lifts its
 * contactability alerts on that channel, by the system (A3); a payment, a
 * promise or a "pago a verificar" (which lifted payment alerts in its own
 * transaction) tells the client's agent's screen.
 */
const onResourceCreated: PluginEventHandler = async (payload) => {
  const write = payload as ResourceWrite
  const paymentTable = PAYMENT_TABLES[write.resource]
  if (paymentTable) {
    const row = await db
      .from(paymentTable)
      .where('id', Number(write.id))
      .select('client_id')
      .first()
    if (row) await tellHolder(Number(row.client_id))
    return
  }
  const target = CHANNELS[write.resource]
  if (!target) return
  const contact = await db.from(target.table).where('id', Number(write.id)).first()
  if (!contact) return
  const lifted = await db.transaction((trx) =>
    liftByRule(
      trx,
      SYSTEM_ACTOR,
      Number(contact.client_id),
      'contact',
      'Nuevo contacto en el canal',
      target.channels
    )
  )
  if (lifted > 0) await tellHolder(Number(contact.client_id))
}

export default onResourceCreated

import db from '@adonisjs/lucid/services/db'
import { SYSTEM_ACTOR, type PluginEventHandler } from '#sdk'
import { liftByRule } from './alert_book.ts'

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

/**
 * A3: a new phone or e-mail on a client lifts its contactability alerts on
 * that channel, by the system, after the contact's write committed.
 */
const onContactAdded: PluginEventHandler = async (payload) => {
  const write = payload as ResourceWrite
  const target = CHANNELS[write.resource]
  if (!target) return
  const contact = await db.from(target.table).where('id', Number(write.id)).first()
  if (!contact) return
  await db.transaction((trx) =>
    liftByRule(
      trx,
      SYSTEM_ACTOR,
      Number(contact.client_id),
      'contact',
      'Nuevo contacto en el canal',
      target.channels
    )
  )
}

export default onContactAdded

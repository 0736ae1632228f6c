import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ensureContactabilityStates, isDuplicate } from './catalogue.ts'

/** Whether the client has an active contactability alert on one of these channels. */
function flagged(trx: QueryClientContract, clientId: number, channels: string[]) {
  return trx
    .from('ca_client_alerts')
    .join('ca_alert_types', 'ca_alert_types.id', 'ca_client_alerts.alert_type_id')
    .where('ca_client_alerts.client_id', clientId)
    .where('ca_alert_types.alert_group', 'contact')
    .whereNotNull('ca_client_alerts.active_key')
    .whereIn('ca_client_alerts.channel', channels)
    .first()
}

/**
 * Recomputes a client's contactability state from its active alerts, in the
 * raise's or lift's transaction: no contactable when the phone (or WhatsApp)
 * and the e-mail (or the phone alone, without an e-mail) are marked; con
 * problemas when some channel is; no row otherwise (contactable or nuevo).
 * Same rule as the indicators (indicators.ts).
 */
export async function refreshContactability(trx: QueryClientContract, clientId: number) {
  const phone = Boolean(await flagged(trx, clientId, ['phone', 'whatsapp']))
  const email = Boolean(await flagged(trx, clientId, ['email']))
  const client = await trx.from('clients').where('id', clientId).select('email').first()
  const state =
    phone && (email || !client?.email) ? 'no_contactable' : phone || email ? 'with_problems' : null
  await trx.from('ca_client_contactability').where('client_id', clientId).delete()
  if (!state) return
  await ensureContactabilityStates(trx)
  const row = await trx.from('ca_contactability_states').where('key', state).select('id').first()
  try {
    await trx
      .insertQuery()
      .table('ca_client_contactability')
      .insert({ client_id: clientId, state_id: row.id })
  } catch (error) {
    // another raise of this client's, at once, wrote its row first: this one's state stands
    if (!isDuplicate(error)) throw error
    await trx
      .from('ca_client_contactability')
      .where('client_id', clientId)
      .update({ state_id: row.id })
  }
}

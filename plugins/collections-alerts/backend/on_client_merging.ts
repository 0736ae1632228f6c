import type { PluginHookHandler } from '#sdk'
import { refreshContactability } from './contactability.ts'

const MOVED = ['ca_debts', 'ca_payments', 'ca_promises', 'ca_payments_to_verify'] as const

/**
 * Two clients become one: the portfolio follows the survivor; the merged
 * client's alerts move too, except those the survivor already has up (one
 * active alert per client, type and channel), which are dropped with it.
 */
const onClientMerging: PluginHookHandler<'client.merging'> = async ({
  trx,
  survivorId,
  mergedId,
}) => {
  const summary: Record<string, number> = {}
  for (const table of MOVED) {
    summary[table] = Number(
      await trx.from(table).where('client_id', mergedId).update({ client_id: survivorId })
    )
  }
  const survivorActive = trx
    .from('ca_client_alerts')
    .where('client_id', survivorId)
    .whereNotNull('active_key')
    .select('alert_type_id')
  await trx
    .from('ca_client_alerts')
    .where('client_id', mergedId)
    .whereNotNull('active_key')
    .whereIn('alert_type_id', survivorActive)
    .update({ active_key: null, lifted_reason: 'Fusión de clientes' })
  summary.ca_client_alerts = Number(
    await trx
      .from('ca_client_alerts')
      .where('client_id', mergedId)
      .update({ client_id: survivorId })
  )
  const flags = await trx
    .from('ca_client_alert_flags')
    .where('client_id', mergedId)
    .select('alert_type_id')
  await trx.from('ca_client_alert_flags').where('client_id', mergedId).delete()
  for (const flag of flags) {
    const has = await trx
      .from('ca_client_alert_flags')
      .where({ client_id: survivorId, alert_type_id: flag.alert_type_id })
      .first()
    if (!has) {
      await trx.insertQuery().table('ca_client_alert_flags').insert({
        client_id: survivorId,
        alert_type_id: flag.alert_type_id,
      })
    }
  }
  await trx.from('ca_client_contactability').where('client_id', mergedId).delete()
  await refreshContactability(trx, survivorId)
  return summary
}

export default onClientMerging

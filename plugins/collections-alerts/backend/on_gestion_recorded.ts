import db from '@adonisjs/lucid/services/db'
import { SYSTEM_ACTOR, type PluginEventHandler } from '#sdk'
import { alertsChanged, raiseAlert } from './alert_book.ts'
import { CHANNEL_OF_DETAIL, type AlertDetail } from './access.ts'

/** The part of tipificaciones' `gestion.recorded` this plugin reads. */
interface GestionRecorded {
  gestionId: number
  clientId: number
  resultId: number
  resultPath: string
  userId: number
}

/**
 * A2: a gestión whose result is mapped to a live alert type raises it on the
 * client, as the agent who recorded it, in its own transaction (the gestión
 * is committed already). A second gestión with the same result finds the
 * alert up and raises nothing.
 */
const onGestionRecorded: PluginEventHandler = async (payload) => {
  const gestion = payload as GestionRecorded
  const mapping = await db
    .from('ca_alert_mappings')
    .join('ca_alert_types', 'ca_alert_types.id', 'ca_alert_mappings.alert_type_id')
    .where('ca_alert_mappings.result_id', gestion.resultId)
    .whereNull('ca_alert_types.archived_at')
    .select('ca_alert_mappings.alert_type_id', 'ca_alert_mappings.detail')
    .first()
  if (!mapping) return
  const detail = (mapping.detail ?? null) as AlertDetail | null
  const alert = await db.transaction((trx) =>
    raiseAlert(
      trx,
      { ...SYSTEM_ACTOR, actorId: gestion.userId },
      {
        clientId: gestion.clientId,
        typeId: Number(mapping.alert_type_id),
        detail,
        channel: detail ? CHANNEL_OF_DETAIL[detail] : null,
        source: 'gestion',
        reason: `Gestión #${gestion.gestionId}: ${gestion.resultPath}`,
      }
    )
  )
  // the agent's screen shows the badge at once (after the commit)
  if (alert.raised) alertsChanged([gestion.userId], gestion.clientId)
}

export default onGestionRecorded

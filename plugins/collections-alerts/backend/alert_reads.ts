import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/** What a badge shows of an active alert: its type's look and why it is up. */
export interface ActiveAlert {
  id: number
  client_id: number
  alert_type_id: number
  name: string
  color: string
  icon: string
  alert_group: string
  detail: string | null
  channel: string | null
  channel_value: string | null
  raised_at: string
  raised_reason: string | null
}

/** The active alerts of some clients, kept to those `visible` (a subquery of client ids). */
export async function activeAlerts(clientIds: number[], visible: DatabaseQueryBuilderContract) {
  if (clientIds.length === 0) return []
  const rows = await db
    .from('ca_client_alerts')
    .join('ca_alert_types', 'ca_alert_types.id', 'ca_client_alerts.alert_type_id')
    .whereIn('ca_client_alerts.client_id', clientIds)
    .whereIn('ca_client_alerts.client_id', visible)
    .whereNotNull('ca_client_alerts.active_key')
    .orderBy('ca_client_alerts.id')
    .select(
      'ca_client_alerts.id',
      'ca_client_alerts.client_id',
      'ca_client_alerts.alert_type_id',
      'ca_alert_types.name',
      'ca_alert_types.color',
      'ca_alert_types.icon',
      'ca_alert_types.alert_group',
      'ca_client_alerts.detail',
      'ca_client_alerts.channel',
      'ca_client_alerts.channel_value',
      'ca_client_alerts.raised_at',
      'ca_client_alerts.raised_reason'
    )
  return rows as ActiveAlert[]
}

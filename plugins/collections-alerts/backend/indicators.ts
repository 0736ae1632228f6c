import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { authorize, resources } from '#sdk'
import { SWEEP } from './access.ts'

export const CONTACTABILITY = ['no_contactable', 'with_problems', 'contactable', 'new'] as const

/**
 * A5 indicators: the clients of each campaign and agent by contactability.
 * - no contactable: a contactability alert on the phone (or WhatsApp) and on
 *   the e-mail, or on the phone when the client has no e-mail;
 * - con problemas: a contactability alert on some channel, not all;
 * - contactable: none, and contacted at least once;
 * - nuevos: none, never contacted.
 */
export async function indicators(ctx: HttpContext) {
  const user = authorize(ctx, SWEEP)
  const flagged = (channels: string[]) =>
    db
      .from('ca_client_alerts')
      .join('ca_alert_types', 'ca_alert_types.id', 'ca_client_alerts.alert_type_id')
      .where('ca_alert_types.alert_group', 'contact')
      .whereNotNull('ca_client_alerts.active_key')
      .whereIn('ca_client_alerts.channel', channels)
      .whereColumn('ca_client_alerts.client_id', 'clients.id')
      .select(db.raw('1'))
  const rows = await db
    .from('clients')
    .whereIn('clients.id', resources.visibleKeys('clients', user))
    .select(
      'clients.campaign_id',
      'clients.assigned_user_id',
      'clients.email',
      'clients.last_interaction_at'
    )
    .select(
      db.raw('(case when exists(?) then 1 else 0 end) as phone_flag', [
        flagged(['phone', 'whatsapp']),
      ])
    )
    .select(db.raw('(case when exists(?) then 1 else 0 end) as email_flag', [flagged(['email'])]))
  const counts = new Map<string, Record<string, number | null>>()
  for (const row of rows) {
    const phone = Number(row.phone_flag) === 1
    const email = Number(row.email_flag) === 1
    const value =
      phone && (email || !row.email)
        ? 'no_contactable'
        : phone || email
          ? 'with_problems'
          : row.last_interaction_at
            ? 'contactable'
            : 'new'
    const key = `${row.campaign_id ?? ''}:${row.assigned_user_id ?? ''}`
    const entry = counts.get(key) ?? {
      campaign_id: row.campaign_id ?? null,
      user_id: row.assigned_user_id ?? null,
      no_contactable: 0,
      with_problems: 0,
      contactable: 0,
      new: 0,
    }
    entry[value] = Number(entry[value]) + 1
    counts.set(key, entry)
  }
  return { data: [...counts.values()] }
}

import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { authorize, resources } from '#sdk'
import { SWEEP } from './access.ts'

export const CONTACTABILITY = ['no_contactable', 'with_problems', 'contactable', 'new'] as const

/** `exists(active contactability alert of the client on one of these channels)`, as SQL. */
function flagged(channels: string[]) {
  return db
    .from('ca_client_alerts')
    .join('ca_alert_types', 'ca_alert_types.id', 'ca_client_alerts.alert_type_id')
    .where('ca_alert_types.alert_group', 'contact')
    .whereNotNull('ca_client_alerts.active_key')
    .whereIn('ca_client_alerts.channel', channels)
    .whereColumn('ca_client_alerts.client_id', 'clients.id')
    .select(db.raw('1'))
}

/**
 * A5 indicators: the clients of each campaign and agent by contactability,
 * counted by the database (one grouped query over the clients the user sees):
 * - no contactable: a contactability alert on the phone (or WhatsApp) and on
 *   the e-mail, or on the phone when the client has no e-mail;
 * - con problemas: a contactability alert on some channel, not all;
 * - contactable: none, and contacted at least once;
 * - nuevos: none, never contacted.
 */
export async function indicators(ctx: HttpContext) {
  const user = authorize(ctx, SWEEP)
  const states = db
    .from('clients')
    .whereIn('clients.id', resources.visibleKeys('clients', user))
    .select('clients.campaign_id', 'clients.assigned_user_id')
    .select(
      db.raw(
        `case
          when exists(${flagged(['phone', 'whatsapp']).toQuery()})
            and (clients.email is null or exists(${flagged(['email']).toQuery()})) then 'no_contactable'
          when exists(${flagged(['phone', 'whatsapp', 'email']).toQuery()}) then 'with_problems'
          when clients.last_interaction_at is not null then 'contactable'
          else 'new' end as state`
      )
    )
    .as('states')
  const rows = await db
    .from(states)
    .select('campaign_id', 'assigned_user_id', 'state')
    .count('* as total')
    .groupBy('campaign_id', 'assigned_user_id', 'state')
  const byGroup = new Map<string, Record<string, number | null>>()
  for (const row of rows) {
    const key = `${row.campaign_id ?? ''}:${row.assigned_user_id ?? ''}`
    const entry = byGroup.get(key) ?? {
      campaign_id: row.campaign_id === null ? null : Number(row.campaign_id),
      user_id: row.assigned_user_id === null ? null : Number(row.assigned_user_id),
      ...Object.fromEntries(CONTACTABILITY.map((state) => [state, 0])),
    }
    entry[row.state] = Number(row.total)
    byGroup.set(key, entry)
  }
  return { data: [...byGroup.values()] }
}

import db from '@adonisjs/lucid/services/db'

let sequence = 0

/** A campaign of this type worked by these agents (its team), with a name no other test shares. */
export async function makeCampaign(
  type: 'inbound_voice' | 'outbound_dialer' | 'inbound',
  agentIds: number[] = [],
  label = 'Campaña'
) {
  const now = '2026-01-01 00:00:00'
  const [id] = await db.table('campaigns').insert({
    name: `${label} ${type} ${Date.now()}-${++sequence}`,
    type,
    active: 1,
    created_at: now,
  })
  for (const userId of agentIds) {
    await db.table('campaign_agents').insert({ campaign_id: id, user_id: userId, created_at: now })
  }
  return Number(id)
}

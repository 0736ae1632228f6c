import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'

const NOW = () => DateTime.utc().toSQL({ includeOffset: false })!

let sequence = 0

/** A campaign with a name no other test run shares. */
export async function makeCampaign(label: string, type: 'inbound_voice' | 'outbound_dialer') {
  const name = `${label} ${Date.now()}-${++sequence}`
  const [id] = await db.table('campaigns').insert({ name, type, active: 1, created_at: NOW() })
  return { id: Number(id), name }
}

/** A result row straight into the tree, for tests that are not about building it. */
export async function insertResult(
  campaignId: number,
  parentId: number | null,
  level: number,
  name: string,
  behaviour: { action?: string; allowsScheduling?: boolean }
) {
  const [id] = await db.table('tip_results').insert({
    campaign_id: campaignId,
    parent_id: parentId,
    level,
    name,
    action: behaviour.action ?? null,
    allows_scheduling: behaviour.allowsScheduling ? 1 : 0,
    delete_scheduled: 0,
    gamification_measure: null,
    sort_order: level * 10 + (behaviour.allowsScheduling ? 1 : 0),
    active: 1,
    created_at: NOW(),
    updated_at: NOW(),
  })
  return Number(id)
}

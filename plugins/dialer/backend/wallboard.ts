import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { LiveUpdates, toSqlDateTime } from '#sdk'
import { settingsOf } from './settings.ts'

/** The abandon rate is read over this much of the recent past (an hour of calls). */
const ABANDON_WINDOW_MINUTES = 60
/** At most one wallboard notice per campaign this often, per node: a busy floor stays cheap. */
const NOTICE_EVERY_MS = 500

export interface CampaignBoard {
  campaignId: number
  name: string
  mode: string
  agents: Record<'available' | 'in_call' | 'wrap_up' | 'paused', number>
  /** calls ringing (no agent yet) and calls with an agent */
  calls: { dialing: number; connected: number }
  hopperDepth: number
  /** the campaign's contacts by status (every list) */
  contacts: Record<string, number>
  /** answered calls of the last hour: put through, abandoned, and the share abandoned */
  answered: number
  abandoned: number
  abandonRate: number
}

/**
 * The supervisor's live wallboard (issue 16): per dialer campaign with an
 * active list or an agent in it, agents by state, calls in progress, hopper
 * depth, contacts by status and the abandon rate. Read from the database,
 * so it is the same whichever node paces the campaign.
 */
export async function wallboard(): Promise<CampaignBoard[]> {
  const campaigns = await db
    .from('campaigns')
    .where('type', 'outbound_dialer')
    .whereNull('archived_at')
    .where((used) =>
      used
        .whereIn('id', (lists) =>
          lists.from('dialer_lists').select('campaign_id').where('active', true)
        )
        .orWhereIn('id', (agents) =>
          agents.from('dialer_agent_states').select('campaign_id').whereNotNull('campaign_id')
        )
    )
    .orderBy('name')
    .select('id', 'name')
  const ids = campaigns.map((row) => Number(row.id))
  if (ids.length === 0) return []
  const since = toSqlDateTime(DateTime.utc().minus({ minutes: ABANDON_WINDOW_MINUTES }))
  const [agents, calls, depths, contacts, outcomes] = await Promise.all([
    grouped('dialer_agent_states', 'state', ids),
    grouped('dialer_calls', 'state', ids, (query) => query.whereNot('state', 'ended')),
    grouped('dialer_hopper', null, ids),
    grouped('dialer_contacts', 'status', ids),
    // answered calls: put through to an agent, or abandoned
    grouped('dialer_calls', 'outcome', ids, (query) =>
      query
        .where('origin', 'paced')
        .where('created_at', '>=', since)
        .where((answered: any) => answered.whereNotNull('agent_id').orWhere('outcome', 'abandoned'))
    ),
  ])
  const boards: CampaignBoard[] = []
  for (const campaign of campaigns) {
    const id = Number(campaign.id)
    const settings = await settingsOf(id)
    const of = (counts: Map<number, Record<string, number>>) => counts.get(id) ?? {}
    const answeredCalls = Object.entries(of(outcomes))
    const abandoned = of(outcomes).abandoned ?? 0
    const answered = answeredCalls.reduce((sum, [, count]) => sum + count, 0)
    boards.push({
      campaignId: id,
      name: campaign.name,
      mode: settings.pacing.mode,
      agents: {
        available: of(agents).available ?? 0,
        in_call: of(agents).in_call ?? 0,
        wrap_up: of(agents).wrap_up ?? 0,
        paused: of(agents).paused ?? 0,
      },
      calls: { dialing: of(calls).dialing ?? 0, connected: of(calls).connected ?? 0 },
      hopperDepth: of(depths).all ?? 0,
      contacts: of(contacts),
      answered,
      abandoned,
      abandonRate: answered > 0 ? Math.round((abandoned / answered) * 1000) / 1000 : 0,
    })
  }
  return boards
}

/** counts per campaign and `column` value (`all` without a column) */
async function grouped(
  table: string,
  column: string | null,
  campaignIds: number[],
  narrow?: (query: any) => void
) {
  const query = db.from(table).whereIn('campaign_id', campaignIds).groupBy('campaign_id')
  if (column) query.groupBy(column).select(`${column} as bucket`)
  if (narrow) query.where((inner) => narrow(inner))
  const rows = await query.select('campaign_id').count('* as total')
  const counts = new Map<number, Record<string, number>>()
  for (const row of rows) {
    const campaign = counts.get(Number(row.campaign_id)) ?? {}
    const bucket = column ? String(row.bucket) : 'all'
    campaign[bucket] = (campaign[bucket] ?? 0) + Number(row.total)
    counts.set(Number(row.campaign_id), campaign)
  }
  return counts
}

const lastNotice = new Map<number, number>()
const pending = new Map<number, NodeJS.Timeout>()

/**
 * Tells every supervisor's browser that a campaign's wallboard moved (an
 * SSE on their `users/<id>` channel); the browser reads it again. Notices
 * closer than `NOTICE_EVERY_MS` are folded into one sent at its end.
 */
export function wallboardChanged(campaignId: number) {
  if (pending.has(campaignId)) return
  const wait = Math.max(0, (lastNotice.get(campaignId) ?? 0) + NOTICE_EVERY_MS - Date.now())
  const timer = setTimeout(() => {
    pending.delete(campaignId)
    lastNotice.set(campaignId, Date.now())
    void supervisors()
      .then((ids) =>
        LiveUpdates.toUsers(ids, { type: 'dialer.wallboard', payload: { campaignId } })
      )
      .catch(() => {
        // the wallboard's fallback poll catches up
      })
  }, wait)
  timer.unref?.()
  pending.set(campaignId, timer)
}

async function supervisors() {
  const rows = await db.from('users').whereIn('role', ['admin', 'supervisor']).select('id')
  return rows.map((row) => Number(row.id))
}

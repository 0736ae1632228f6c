import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { LiveUpdates, presentDateTime, toSqlDateTime } from '#sdk'
import { inQueueOf } from './callback_scope.ts'

/** A callback as it was or is: who held it (null: the campaign's queue) and where. */
interface Holder {
  campaignId: number
  userId: number | null
}

/**
 * Tells the browsers whose due count a change moves (its holders before and
 * after; every agent of the campaign when the queue is involved) to re-read
 * it. Sent after the change committed; the count itself is `dueCount`.
 */
export async function agendaChanged(...holders: Holder[]) {
  const users = new Set<number>()
  for (const holder of holders) {
    if (holder.userId !== null) {
      users.add(holder.userId)
      continue
    }
    const agents = await db
      .from('campaign_agents')
      .where('campaign_id', holder.campaignId)
      .select('user_id')
    for (const agent of agents) users.add(Number(agent.user_id))
  }
  LiveUpdates.toUsers(users, { type: 'agenda.changed' })
}

/** A callback row's holder, as `agendaChanged` takes it. */
export function holderOf(row: Record<string, unknown>): Holder {
  return {
    campaignId: Number(row.campaign_id),
    userId: row.user_id === null || row.user_id === undefined ? null : Number(row.user_id),
  }
}

/**
 * The agent's due events: its own pending callbacks and its campaigns'
 * queue whose time has come, and when the next one comes due (so the
 * header counts it then without asking every minute).
 */
export async function dueCount(userId: number) {
  const now = toSqlDateTime(DateTime.utc())
  const mine = (query: ReturnType<typeof db.from>) =>
    query.where((scoped) =>
      scoped
        .where((own) => own.where('user_id', userId).where('status', 'pending'))
        .orWhere((queue) => inQueueOf(queue, userId))
    )
  const [due] = await mine(db.from('tip_callbacks')).where('due_at', '<=', now).count('* as n')
  const [next] = await mine(db.from('tip_callbacks')).where('due_at', '>', now).min('due_at as at')
  return {
    due: Number(due.n),
    nextDueAt: next?.at ? presentDateTime(next.at) : null,
  }
}

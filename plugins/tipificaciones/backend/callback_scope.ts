import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { RowScope, User } from '#sdk'

/** The campaigns an agent works (campaign_agents), as a subquery. */
export function campaignsOf(userId: number, client: QueryClientContract = db.connection()) {
  return client.from('campaign_agents').where('user_id', userId).select('campaign_id')
}

/**
 * A campaign's shared queue (15.4): pending callbacks no agent holds yet,
 * recorded without "Para mí", that any agent of the campaign may take.
 */
export function inQueueOf(
  query: DatabaseQueryBuilderContract,
  userId: number,
  client?: QueryClientContract
) {
  return query
    .whereNull('tip_callbacks.user_id')
    .where('tip_callbacks.status', 'pending')
    .whereIn('tip_callbacks.campaign_id', campaignsOf(userId, client))
}

/**
 * An agent reads its own callbacks and the shared queue of the campaigns
 * it works; never another agent's, never another campaign's queue.
 */
export const ownOrQueue: RowScope = (query, user: User) =>
  query.where((scoped) =>
    scoped
      .where('tip_callbacks.user_id', user.id)
      .orWhere((queue) =>
        queue
          .whereNull('tip_callbacks.user_id')
          .whereIn('tip_callbacks.campaign_id', campaignsOf(user.id))
      )
  )

import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { resourceService } from '#services/resource_context'
import { AuditLog, actorFromContext, toSqlDateTime } from '#services/audit_log'
import { campaignAgentsValidator } from '#validators/campaign'
import { fieldInputError } from '#resources/errors'
import type User from '#models/user'

/**
 * The agents of a campaign (C16): read by everyone who may see the
 * campaign, replaced as a whole by whoever may update it.
 */
export default class CampaignAgentsController {
  /**
   * An agent gets only the names, and only of a campaign it works in (an
   * empty list for another): the colleagues the users resource shows it.
   */
  async index(ctx: HttpContext) {
    const service = await resourceService(ctx)
    const campaign = await service.visibleRow('campaigns', ctx.params.id, 'show')
    const agents = await agentsOf(campaign.id as number)
    const user = ctx.auth.getUserOrFail() as User
    if (user.role !== 'agent') return { data: agents }
    if (!agents.some((agent) => agent.id === user.id)) return { data: [] }
    return { data: agents.map(({ id, fullName }) => ({ id, fullName })) }
  }

  async update(ctx: HttpContext) {
    const { userIds } = await ctx.request.validateUsing(campaignAgentsValidator)
    const service = await resourceService(ctx)
    const campaign = await service.visibleRow('campaigns', ctx.params.id, 'update')
    const campaignId = campaign.id as number
    const found = userIds.length
      ? await db.from('users').whereIn('id', userIds).where('active', 1).select('id')
      : []
    const known = new Set(found.map((row) => Number(row.id)))
    const missing = userIds.findIndex((id) => !known.has(id))
    if (missing >= 0) {
      throw fieldInputError(`userIds[${missing}]`, `No active user #${userIds[missing]}`, 'exists')
    }
    const current = await agentsOf(campaignId)
    const before = current.map((agent) => agent.id)
    await db.transaction(async (trx) => {
      await trx.from('campaign_agents').where('campaign_id', campaignId).delete()
      const now = toSqlDateTime(DateTime.utc())
      if (userIds.length > 0) {
        await trx
          .insertQuery()
          .table('campaign_agents')
          .multiInsert(
            userIds.map((userId) => ({ campaign_id: campaignId, user_id: userId, created_at: now }))
          )
      }
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'campaign.agents',
        resource: 'campaigns',
        recordId: campaignId,
        before: { userIds: before },
        after: { userIds: [...userIds].sort((a, b) => a - b) },
      })
    })
    return { data: await agentsOf(campaignId) }
  }
}

async function agentsOf(campaignId: number) {
  const rows = await db
    .from('campaign_agents')
    .join('users', 'users.id', 'campaign_agents.user_id')
    .where('campaign_agents.campaign_id', campaignId)
    .orderBy('users.full_name')
    .select('users.id', 'users.full_name', 'users.email', 'users.role')
  return rows.map((row) => ({
    id: Number(row.id),
    fullName: row.full_name as string,
    email: row.email as string,
    role: row.role as string,
  }))
}

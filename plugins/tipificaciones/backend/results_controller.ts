import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import {
  type User,
  TableroError,
  AuditLog,
  actorFromContext,
  authorize,
  can,
  toSqlDateTime,
  fieldInputError,
} from '#sdk'
import { MANAGE, findCampaign } from './access.ts'
import { checkBehaviour, present, toTree, type ResultRow } from './result_rules.ts'
import { ResultTree } from './result_tree.ts'
import { createResultValidator, updateResultValidator } from './validators.ts'

/**
 * The supervisor's result tree (T1–T4) and the agent's read of it.
 */
export default class ResultsController {
  async index(ctx: HttpContext) {
    const campaign = await findCampaign(ctx.request.input('campaignId'))
    const manager = can(ctx.auth.getUserOrFail() as User, MANAGE)
    const rows: ResultRow[] = await db
      .from('tip_results')
      .where('campaign_id', campaign.id)
      .if(!manager || !ctx.request.input('includeInactive'), (q) => q.where('active', 1))
    return {
      data: toTree(rows),
      meta: { campaign: { id: campaign.id, name: campaign.name, type: campaign.type } },
    }
  }

  async store(ctx: HttpContext) {
    authorize(ctx, MANAGE)
    const payload = await ctx.request.validateUsing(createResultValidator)
    checkBehaviour(payload.action, payload.allowsScheduling)
    const parent = payload.parentId
      ? await ResultTree.find(db.connection(), payload.parentId)
      : null
    const campaignIds = parent ? [parent.campaign_id] : payload.campaignIds
    if (!campaignIds)
      throw fieldInputError('campaignIds', 'Choose at least one campaign', 'required')
    if (
      parent &&
      payload.campaignIds &&
      payload.campaignIds.some((id) => id !== parent.campaign_id)
    ) {
      throw fieldInputError(
        'campaignIds',
        "A child result belongs to its parent's campaign",
        'parent'
      )
    }
    for (const id of campaignIds) await findCampaign(id)
    await ResultTree.warnVoice(campaignIds, payload.action, payload.confirmVoiceIgnoresAction)
    const ids = await db.transaction(async (trx) => {
      const created: number[] = []
      for (const campaignId of campaignIds) {
        created.push(
          await ResultTree.create(trx, actorFromContext(ctx), campaignId, parent, payload)
        )
      }
      return created
    })
    const rows: ResultRow[] = await db.from('tip_results').whereIn('id', ids)
    return ctx.response.created({ data: rows.map(present) })
  }

  async update(ctx: HttpContext) {
    authorize(ctx, MANAGE)
    const payload = await ctx.request.validateUsing(updateResultValidator)
    const row = await ResultTree.find(db.connection(), ctx.params.id)
    const action = payload.action === undefined ? row.action : payload.action
    const scheduling =
      payload.allowsScheduling === undefined
        ? Boolean(Number(row.allows_scheduling))
        : payload.allowsScheduling
    checkBehaviour(action, scheduling)
    const changes: Record<string, unknown> = {
      action,
      allows_scheduling: scheduling ? 1 : 0,
      updated_at: toSqlDateTime(DateTime.utc()),
    }
    if (payload.name !== undefined) changes.name = payload.name
    if (payload.deleteScheduled !== undefined)
      changes.delete_scheduled = payload.deleteScheduled ? 1 : 0
    if (payload.gamificationMeasure !== undefined)
      changes.gamification_measure = payload.gamificationMeasure
    if (payload.order !== undefined) changes.sort_order = payload.order
    if (payload.active !== undefined) changes.active = payload.active ? 1 : 0
    await db.transaction(async (trx) => {
      await trx.from('tip_results').where('id', row.id).update(changes)
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'update',
        resource: 'tip_results',
        recordId: row.id,
        before: present(row),
        after: payload,
      })
    })
    return { data: present(await ResultTree.find(db.connection(), row.id)) }
  }

  /**
   * A result that gestiones used stays (deactivate it instead): history
   * keeps pointing at it.
   */
  async destroy(ctx: HttpContext) {
    authorize(ctx, MANAGE)
    const row = await ResultTree.find(db.connection(), ctx.params.id)
    const subtree = await subtreeIds(row.id)
    const [used] = await db
      .from('tip_gestiones')
      .where((q) =>
        q
          .whereIn('result_id', subtree)
          .orWhereIn('level1_id', subtree)
          .orWhereIn('level2_id', subtree)
      )
      .count('* as n')
    if (Number(used.n) > 0) {
      throw new TableroError(
        'RESULT_IN_USE',
        `${used.n} gestión(es) used this result or its children: deactivate it instead`,
        409,
        undefined,
        { count: Number(used.n) }
      )
    }
    await db.transaction(async (trx) => {
      await trx.from('tip_results').whereIn('id', subtree).delete()
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'delete',
        resource: 'tip_results',
        recordId: row.id,
        before: { ...present(row), subtree },
      })
    })
    return ctx.response.noContent()
  }
}

async function subtreeIds(rootId: number) {
  const ids = [rootId]
  let frontier = [rootId]
  while (frontier.length > 0) {
    const children = await db.from('tip_results').whereIn('parent_id', frontier).select('id')
    frontier = children.map((child) => Number(child.id))
    ids.push(...frontier)
  }
  return ids
}

import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { type User, authorize, can, fieldInputError, resourceService } from '#sdk'
import { MANAGE, findCampaign } from './access.ts'
import { checkBehaviour, present, toTree, type ResultRow } from './result_rules.ts'
import { ResultTree } from './result_tree.ts'
import { createResultValidator } from './validators.ts'

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
    // T2 (the resource's hook holds it too): a form error before the voice confirmation
    checkBehaviour(payload.action, payload.allowsScheduling)
    const parent = payload.parentId
      ? await ResultTree.find(db.connection(), payload.parentId)
      : null
    // a child goes in its parent's campaign (the resource's hook refuses any other)
    const campaignIds = payload.campaignIds ?? (parent ? [parent.campaign_id] : null)
    if (!campaignIds)
      throw fieldInputError('campaignIds', 'Choose at least one campaign', 'required')
    for (const id of campaignIds) await findCampaign(id)
    await ResultTree.warnVoice(campaignIds, payload.action, payload.confirmVoiceIgnoresAction)
    const service = await resourceService(ctx)
    const ids = await db.transaction(async (trx) => {
      const created: number[] = []
      for (const campaignId of campaignIds) {
        created.push(await ResultTree.create(service, trx, 'api', { campaignId, parent }, payload))
      }
      return created
    })
    const rows: ResultRow[] = await db.from('tip_results').whereIn('id', ids)
    return ctx.response.created({ data: rows.map(present) })
  }
}

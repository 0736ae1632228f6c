import { type HookContext, type ResourceHooks, TableroError, fieldInputError } from '#sdk'
import { MANAGE, findCampaign } from './access.ts'
import { checkBehaviour, childLevel, type ResultRow } from './result_rules.ts'

/** Where a new result goes: what the tree editor and its import hand the engine's create. */
export interface ResultPlacement {
  campaignId: number
  parent: ResultRow | null
}

function placementOf(hook: HookContext) {
  if (hook.options.permission !== MANAGE || !hook.options.input) {
    // the generic POST /api/r/tip_results: a result is placed in a tree by its editor
    throw new TableroError('FORBIDDEN', 'Results are created from the result tree', 403)
  }
  return hook.options.input as ResultPlacement
}

/**
 * The tree rules on the writes of `tip_results`: its creation by the tree
 * editor and its CSV import (engine create by `tipificaciones.manage`),
 * and the generic PATCH and DELETE /api/r/tip_results/:id. The engine
 * validates, authorizes, writes and audits; these keep T1, T2 and the
 * history of gestiones.
 */
export const resultHooks: ResourceHooks = {
  /**
   * T1, T2: a new result has an action (by default "Sin acción") or
   * scheduling, sits one level below
   * its parent (three at most) in the parent's campaign, last among its
   * siblings.
   */
  async beforeCreate(values, hook) {
    const { campaignId, parent } = placementOf(hook)
    values.action = checkBehaviour(
      values.action as string | null,
      Boolean(values.allows_scheduling)
    )
    const level = childLevel(parent)
    if (parent && parent.campaign_id !== campaignId) {
      throw fieldInputError(
        'campaignIds',
        "A child result belongs to its parent's campaign",
        'parent'
      )
    }
    const campaign = await findCampaign(campaignId, hook.trx)
    const [top] = await hook.trx
      .from('tip_results')
      .where('campaign_id', campaign.id)
      .if(
        parent,
        (q) => q.where('parent_id', parent!.id),
        (q) => q.whereNull('parent_id')
      )
      .max('sort_order as top')
    Object.assign(values, {
      campaign_id: campaign.id,
      parent_id: parent?.id ?? null,
      level,
      sort_order: Number(top?.top ?? 0) + 1,
      active: 1,
    })
  },

  /**
   * T2: after the change a result has exactly one of an action or
   * scheduling; clearing both leaves it "Sin acción".
   */
  beforeUpdate(values, before) {
    const action = 'action' in values ? values.action : before.action
    const scheduling =
      'allows_scheduling' in values ? values.allows_scheduling : before.allows_scheduling
    const kept = checkBehaviour(action as string | null, Boolean(Number(scheduling)))
    if (kept !== action) values.action = kept
  },

  /**
   * A result goes with its subtree, unless gestiones used any of them
   * (deactivate it instead): history keeps pointing at it.
   */
  async beforeDelete(row, { trx }) {
    const ids = [Number(row.id)]
    let frontier = ids
    while (frontier.length > 0) {
      const children = await trx.from('tip_results').whereIn('parent_id', frontier).select('id')
      frontier = children.map((child) => Number(child.id))
      ids.push(...frontier)
    }
    const [used] = await trx
      .from('tip_gestiones')
      .where((q) =>
        q.whereIn('result_id', ids).orWhereIn('level1_id', ids).orWhereIn('level2_id', ids)
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
    // descendants first: SQLite may run without foreign-key cascades
    if (ids.length > 1) await trx.from('tip_results').whereIn('id', ids.slice(1).reverse()).delete()
  },
}

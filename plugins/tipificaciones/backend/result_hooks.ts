import { type ResourceHooks, TableroError } from '#sdk'
import { checkBehaviour } from './result_rules.ts'

/**
 * The tree rules on the generic writes of `tip_results` (PATCH and DELETE
 * /api/r/tip_results/:id): the engine validates, authorizes, writes and
 * audits; these keep T2 and the history of gestiones.
 */
export const resultHooks: ResourceHooks = {
  /** T2: after the change a result has exactly one of an action or scheduling. */
  beforeUpdate(values, before) {
    const action = 'action' in values ? values.action : before.action
    const scheduling =
      'allows_scheduling' in values ? values.allows_scheduling : before.allows_scheduling
    checkBehaviour(action as string | null, Boolean(scheduling))
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

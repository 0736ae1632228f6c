import { TableroError } from '#sdk'

export const ACTIONS = ['recall', 'recall_alternate', 'no_action', 'do_not_call'] as const
export type ResultAction = (typeof ACTIONS)[number]
export const MAX_LEVEL = 3
/** A result given neither an action nor scheduling does nothing: "Sin acción". */
export const DEFAULT_ACTION: ResultAction = 'no_action'

export interface ResultRow {
  id: number
  campaign_id: number
  parent_id: number | null
  level: number
  name: string
  action: ResultAction | null
  allows_scheduling: boolean | number
  delete_scheduled: boolean | number
  gamification_measure: number | string | null
  sort_order: number
  active: boolean | number
}

/**
 * T2: a result has exactly one of an action or "allows scheduling". Given
 * neither, its action is "Sin acción" (a grouping node such as
 * "Contactado" needs none from the supervisor): the action the result
 * gets is returned.
 */
export function checkBehaviour(
  action: string | null | undefined,
  allowsScheduling: boolean | undefined
): string | null {
  if (action && allowsScheduling) {
    throw new TableroError(
      'ACTION_AND_SCHEDULING',
      'A result has either an action or allows scheduling, never both',
      422,
      [
        {
          field: 'allowsScheduling',
          message: 'Remove the action or the scheduling',
          rule: 'exclusive',
        },
      ]
    )
  }
  if (allowsScheduling) return null
  return action || DEFAULT_ACTION
}

/**
 * T1: a child sits one level below its parent, at most level 3.
 */
export function childLevel(parent: ResultRow | null) {
  if (!parent) return 1
  if (parent.level >= MAX_LEVEL) {
    throw new TableroError('TOO_DEEP', 'Results go three levels deep at most', 422, [
      { field: 'parentId', message: 'A level-3 result cannot have children', rule: 'maxLevel' },
    ])
  }
  return parent.level + 1
}

export function present(row: ResultRow) {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    parentId: row.parent_id,
    level: row.level,
    name: row.name,
    action: row.action,
    allowsScheduling: Boolean(Number(row.allows_scheduling)),
    deleteScheduled: Boolean(Number(row.delete_scheduled)),
    gamificationMeasure:
      row.gamification_measure === null ? null : Number(row.gamification_measure),
    order: row.sort_order,
    active: Boolean(Number(row.active)),
  }
}

/** The campaign's results as a tree (children in order). */
export function toTree(rows: ResultRow[]) {
  type Node = ReturnType<typeof present> & { children: Node[] }
  const nodes = new Map<number, Node>(
    rows.map((row) => [row.id, { ...present(row), children: [] }])
  )
  const roots: Node[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : null
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const sort = (list: Node[]) => {
    list.sort((a, b) => a.order - b.order || a.id - b.id)
    list.forEach((node) => sort(node.children))
  }
  sort(roots)
  return roots
}

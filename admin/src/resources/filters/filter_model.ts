import type { ConditionalFilter, CrudFilter, LogicalFilter } from '@refinedev/core'
import type { FilterOperator, ResourceFieldDescription } from '../../meta/admin_meta'
import { toCrudOperator, VALUELESS_OPERATORS } from '../../providers/filter_tree'

/**
 * What the filter builder edits: conditions under AND/OR groups, nested like the engine's filter
 * tree. Values are kept in API form (ISO dates, numbers, option values), so a condition means
 * the same thing on screen, in the request and in the CSV export.
 */
export interface FilterCondition {
  kind: 'condition'
  id: string
  field?: string
  op?: FilterOperator
  value?: unknown
}

export interface FilterGroup {
  kind: 'group'
  id: string
  join: 'and' | 'or'
  children: FilterNode[]
}

export type FilterNode = FilterCondition | FilterGroup

/** The engine accepts eight levels of groups; the root and two nested levels are plenty on a screen. */
export const MAX_GROUP_DEPTH = 3

/** Ids survive a trip through sessionStorage, so they must not restart from 1 on reload. */
const nextId = () => `f${Math.random().toString(36).slice(2, 10)}`

export function newCondition(field?: ResourceFieldDescription): FilterCondition {
  return { kind: 'condition', id: nextId(), field: field?.name, op: field?.operators[0] }
}

export function newGroup(join: 'and' | 'or' = 'and', children: FilterNode[] = []): FilterGroup {
  return { kind: 'group', id: nextId(), join, children }
}

function hasValue(value: unknown) {
  if (value === undefined || value === null || value === '') return false
  if (Array.isArray(value)) return value.length > 0 && value.every(hasValue)
  return true
}

/** A condition the engine can run: a field, an operator and, unless it needs none, a value. */
export function isComplete(condition: FilterCondition) {
  if (!condition.field || !condition.op) return false
  return VALUELESS_OPERATORS.has(condition.op) || hasValue(condition.value)
}

export function countConditions(node: FilterNode): number {
  if (node.kind === 'condition') return isComplete(node) ? 1 : 0
  return node.children.reduce((total, child) => total + countConditions(child), 0)
}

function toCrudFilter(node: FilterNode): CrudFilter | null {
  if (node.kind === 'condition') {
    if (!isComplete(node)) return null
    const leaf: LogicalFilter = {
      field: node.field!,
      operator: toCrudOperator(node.op!),
      value: VALUELESS_OPERATORS.has(node.op!) ? true : node.value,
    }
    return leaf
  }
  const children = node.children.map(toCrudFilter).filter((child) => child !== null)
  if (children.length === 0) return null
  const group: ConditionalFilter = {
    operator: node.join,
    value: children as ConditionalFilter['value'],
  }
  return group
}

/** Refine filters for the list: the builder's tree, with incomplete conditions left out. */
export function toCrudFilters(root: FilterGroup): CrudFilter[] {
  const filter = toCrudFilter(root)
  return filter ? [filter] : []
}

/**
 * The builder's model of a JSON filter tree (a saved segment's), so a tree made elsewhere opens
 * in the builder as conditions and groups the user can read and change. A leaf at the top becomes
 * the only condition of an AND group; anything that is no tree gives an empty group.
 */
export function fromFilterTree(tree: unknown): FilterGroup {
  const node = fromNode(tree)
  if (!node) return newGroup()
  return node.kind === 'group' ? node : newGroup('and', [node])
}

function fromNode(tree: unknown): FilterNode | null {
  if (!tree || typeof tree !== 'object') return null
  const record = tree as Record<string, unknown>
  for (const join of ['and', 'or'] as const) {
    if (Array.isArray(record[join])) {
      const children = (record[join] as unknown[]).map(fromNode).filter((child) => child !== null)
      return newGroup(join, children)
    }
  }
  if (typeof record.field !== 'string' || typeof record.op !== 'string') return null
  return {
    kind: 'condition',
    id: nextId(),
    field: record.field,
    op: record.op as FilterOperator,
    value: record.value,
  }
}

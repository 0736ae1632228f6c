import type {
  ConditionalFilter,
  CrudFilter,
  CrudOperators,
  CrudSort,
  LogicalFilter,
} from '@refinedev/core'

/**
 * Translation of Refine's `CrudFilters` into the backend's JSON filter tree:
 * leaves `{ field, op, value }` under `{ and: [...] }` / `{ or: [...] }` groups.
 */
export type FilterOperator =
  | 'eq'
  | 'ne'
  | 'contains'
  | 'startsWith'
  | 'in'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'between'
  | 'null'
  | 'notNull'

export type FilterLeaf = { field: string; op: FilterOperator; value?: unknown }
export type FilterNode = FilterLeaf | { and: FilterNode[] } | { or: FilterNode[] }

/** Refine's operators that the backend understands; any other one is a programming error. */
const OPERATORS: Partial<Record<CrudOperators, FilterOperator>> = {
  eq: 'eq',
  ne: 'ne',
  contains: 'contains',
  startswith: 'startsWith',
  in: 'in',
  gt: 'gt',
  gte: 'gte',
  lt: 'lt',
  lte: 'lte',
  between: 'between',
  null: 'null',
  nnull: 'notNull',
}

/** The Refine operator that stands for a backend operator (the filter builder speaks Refine). */
export function toCrudOperator(op: FilterOperator): Exclude<CrudOperators, 'or' | 'and'> {
  const entry = Object.entries(OPERATORS).find(([, backend]) => backend === op)
  if (!entry) throw new Error(`Filter operator "${op}" has no Refine counterpart`)
  return entry[0] as Exclude<CrudOperators, 'or' | 'and'>
}

export const VALUELESS_OPERATORS = new Set<FilterOperator>(['null', 'notNull'])

/** The field Refine screens use for the free-text search box; it travels as `q`, not as a leaf. */
export const SEARCH_FIELD = 'q'

function isEmptyValue(value: unknown) {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
}

function isGroup(filter: CrudFilter): filter is ConditionalFilter {
  return filter.operator === 'and' || filter.operator === 'or'
}

function isSearch(filter: CrudFilter): filter is LogicalFilter {
  return !isGroup(filter) && filter.field === SEARCH_FIELD
}

function toNode(filter: CrudFilter): FilterNode | null {
  if (isGroup(filter)) {
    const children = filter.value.map(toNode).filter((node) => node !== null)
    if (children.length === 0) return null
    if (children.length === 1) return children[0]
    return filter.operator === 'and' ? { and: children } : { or: children }
  }
  const op = OPERATORS[filter.operator]
  if (!op) {
    throw new Error(`Filter operator "${filter.operator}" on "${filter.field}" is not supported`)
  }
  if (VALUELESS_OPERATORS.has(op)) return { field: filter.field, op }
  // Table filters that the user cleared stay in Refine's state with an empty value: skip them.
  if (isEmptyValue(filter.value)) return null
  return { field: filter.field, op, value: filter.value }
}

/** The `filter` query parameter's tree, or null when nothing filters the list. */
export function toFilterTree(filters: CrudFilter[] = []): FilterNode | null {
  const nodes = filters
    .filter((filter) => !isSearch(filter))
    .map(toNode)
    .filter((node) => node !== null)
  if (nodes.length === 0) return null
  return nodes.length === 1 ? nodes[0] : { and: nodes }
}

/** The free-text search term, taken from a top-level `q` filter. */
export function toSearchTerm(filters: CrudFilter[] = []): string | undefined {
  const search = filters.find(isSearch)
  return search && !isEmptyValue(search.value) ? String(search.value) : undefined
}

/** `sort=-created_at,name`: a minus sign marks descending order. */
export function toSortParam(sorters: CrudSort[] = []): string | undefined {
  if (sorters.length === 0) return undefined
  return sorters.map(({ field, order }) => (order === 'desc' ? `-${field}` : field)).join(',')
}

import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { FieldDefinition, FilteredTable, RelationsThrough } from './types.ts'
import { fieldInputError } from './errors.ts'
import { parseFilterTree, type FilterNode } from './filter_tree.ts'
import { walkJson } from '#services/json_nesting'

export const MAX_PER_PAGE = 100
const MAX_SORT_KEYS = 3
const MAX_SEARCH = 200

export interface ListParams {
  page: number
  perPage: number
  sort: Array<{ field: FieldDefinition; direction: 'asc' | 'desc' }>
  filter: FilterNode | null
  q: string | null
}

/**
 * Reads page, perPage, sort, filter and q from the query string (or the
 * body of POST …/query) into checked parameters. Nothing the client sends
 * reaches SQL except as a binding or as a declared field's column name.
 */
export function parseListParams(
  input: Record<string, unknown>,
  fields: Map<string, FieldDefinition>,
  defaultSort: string
): ListParams {
  const page = positiveInt(input.page ?? 1, 'page', 1_000_000)
  const perPage = positiveInt(input.perPage ?? 25, 'perPage', MAX_PER_PAGE)
  const sort = parseSort(input.sort ?? defaultSort, fields)

  let filter: FilterNode | null = null
  if (input.filter !== undefined && input.filter !== null && input.filter !== '') {
    let tree = input.filter
    if (typeof tree === 'string') {
      try {
        tree = JSON.parse(tree)
      } catch {
        throw fieldInputError('filter', 'Not valid JSON')
      }
      // The body of POST …/query had this check at the door (JsonBodyMiddleware).
      walkJson(tree, 'filter')
    }
    filter = parseFilterTree(tree, fields)
  }

  let q: string | null = null
  if (input.q !== undefined && input.q !== null && input.q !== '') {
    if (typeof input.q !== 'string') throw fieldInputError('q', 'Expected a text')
    if (input.q.length > MAX_SEARCH) throw fieldInputError('q', `At most ${MAX_SEARCH} characters`)
    q = input.q.trim() || null
  }
  return { page, perPage, sort, filter, q }
}

function positiveInt(value: unknown, name: string, max: number) {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
    throw fieldInputError(name, 'Expected a whole number from 1')
  }
  if (number > max) throw fieldInputError(name, `At most ${max}`)
  return number
}

function parseSort(value: unknown, fields: Map<string, FieldDefinition>) {
  const keys = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null
  if (!keys) throw fieldInputError('sort', 'Expected e.g. -created_at,name')
  if (keys.length > MAX_SORT_KEYS) throw fieldInputError('sort', `At most ${MAX_SORT_KEYS} keys`)
  return keys
    .filter((key) => key !== '')
    .map((key, i) => {
      if (typeof key !== 'string') throw fieldInputError(`sort[${i}]`, 'Expected a field name')
      const direction = key.startsWith('-') ? ('desc' as const) : ('asc' as const)
      const field = fields.get(key.replace(/^[-+]/, ''))
      if (!field || !field.sortable) {
        throw fieldInputError(`sort[${i}]`, `Unknown or non-sortable field "${key}"`)
      }
      return { field, direction }
    })
}

/**
 * Escapes LIKE wildcards so user text matches literally. The escape
 * character is `!` because a backslash literal is spelled differently on
 * MySQL and SQLite.
 */
function likeLiteral(text: string) {
  return text.replace(/[!%_]/g, (char) => `!${char}`)
}

const LIKE = `?? LIKE ? ESCAPE '!'`

export type { FilteredTable } from './types.ts'

/** The alias of the link table a list is read from (see linkDrive). */
export const DRIVING_LINK = 'driving_link'

type Leaf = Extract<FilterNode, { kind: 'leaf' }>

/**
 * A list narrowed to "linked to this one / to any of these" on a relations
 * field (clients by alert), read from the link table instead of from the
 * table with `key IN (linked keys)`: the IN reads every linked key before
 * the first row (20,000 clients of one alert type, 80,000 of four: 4 and
 * 36 ms on SQLite at 1,000,000 clients), where a join from the link table
 * stops at the page or the count's cap.
 * - `leaf`: the condition, the first such leaf ANDed at the top of the filter.
 * - `unindexed`: for a page of an `in` of several values, ordered by the
 *   primary key: it walks the link table's own key (localKey, foreignKey)
 *   in that order and tests the foreign key on each entry (at worst the
 *   whole link table, never the whole list's table); a single value's
 *   (foreignKey, localKey) index gives the order itself, and the count reads it too.
 * Not when the resource has a field named like a link column: the list's
 * conditions name their columns unqualified. A link table holds only its
 * two keys (RelationsThrough).
 */
export interface LinkDrive {
  leaf: Leaf
  through: RelationsThrough
  unindexed: boolean
}

export function linkDrive(
  filter: FilterNode | null,
  fields: Map<string, FieldDefinition>
): LinkDrive | null {
  if (!filter) return null
  const tops = filter.kind === 'leaf' ? [filter] : filter.join === 'and' ? filter.children : []
  for (const node of tops) {
    if (node.kind !== 'leaf' || node.field.type !== 'relations') continue
    if (!node.field.through || node.field.filterBy) continue
    if (node.op !== 'contains' && node.op !== 'in') continue
    const { localKey, foreignKey } = node.field.through
    if (fields.has(localKey) || fields.has(foreignKey)) continue
    return { leaf: node, through: node.field.through, unindexed: false }
  }
  return null
}

/**
 * Reads `query` (a list's, conditions applied) from the link table joined
 * to the list's table. A row linked to two of an `in`'s values would come
 * twice: the caller keeps it once (the count selects DISTINCT, the page
 * groups by the link's key; ResourceQueries #listQueries).
 */
export function driveFromLink(
  query: DatabaseQueryBuilderContract,
  drive: LinkDrive,
  owner: FilteredTable
) {
  const { table, localKey } = drive.through
  query
    .from({ [DRIVING_LINK]: table })
    .join(owner.table, `${owner.table}.${owner.primaryKey}`, `${DRIVING_LINK}.${localKey}`)
}

export function applyFilter(
  query: DatabaseQueryBuilderContract,
  node: FilterNode,
  owner: FilteredTable & { drive?: LinkDrive | null }
) {
  if (node.kind === 'group' && node.join === 'and') {
    // AND needs no parentheses: every leaf below adds one condition or a
    // wrapped group, so each child goes straight onto the query (each
    // wrapped callback is a sub-query knex builds and compiles again).
    for (const child of node.children) applyFilter(query, child, owner)
    return
  }
  if (node.kind === 'group') {
    query.where((group) => {
      for (const child of node.children) group.orWhere((sub) => applyFilter(sub, child, owner))
    })
    return
  }
  if (node.field.filterBy) {
    node.field.filterBy(query, { op: node.op, value: node.value }, owner)
    return
  }
  if (node.field.type === 'relations') {
    applyLinkFilter(query, node, owner)
    return
  }
  const column = node.field.name
  const value = node.value
  switch (node.op) {
    case 'eq':
      query.where(column, value as never)
      break
    case 'ne':
      query.where((sub) => sub.whereNot(column, value as never).orWhereNull(column))
      break
    case 'gt':
      query.where(column, '>', value as never)
      break
    case 'gte':
      query.where(column, '>=', value as never)
      break
    case 'lt':
      query.where(column, '<', value as never)
      break
    case 'lte':
      query.where(column, '<=', value as never)
      break
    case 'in':
      query.whereIn(column, value as never[])
      break
    case 'between':
      query.whereBetween(column, value as [never, never])
      break
    case 'null':
      query.whereNull(column)
      break
    case 'notNull':
      query.whereNotNull(column)
      break
    case 'contains':
      query.whereRaw(LIKE, [column, `%${likeLiteral(String(value))}%`])
      break
    case 'startsWith':
      query.whereRaw(LIKE, [column, `${likeLiteral(String(value))}%`])
      break
  }
}

/**
 * A relations condition over the link table: `contains` (linked to this id)
 * and `in` (to any of these) as the row's key IN the linked keys (served by
 * the index on foreignKey); `notNull` (to some record) and `null` (to none)
 * as an EXISTS correlated on the row's primary key (the link table's
 * (localKey, foreignKey) key). Every name comes from the field's
 * declaration, every id is a binding.
 */
function applyLinkFilter(
  query: DatabaseQueryBuilderContract,
  node: Extract<FilterNode, { kind: 'leaf' }>,
  owner: FilteredTable & { drive?: LinkDrive | null }
) {
  const through = node.field.through!
  if (owner.drive?.leaf === node) {
    const column = `${DRIVING_LINK}.${through.foreignKey}`
    const values = (node.op === 'contains' ? [node.value] : node.value) as number[]
    if (!owner.drive.unindexed) {
      query.whereIn(column, values)
    } else {
      // `+column`: a value, not the column, so the planner walks the link table's own key in order
      query.whereRaw(`+?? IN (${values.map(() => '?').join(', ')})`, [column, ...values])
    }
    return
  }
  const links = (sub: DatabaseQueryBuilderContract) => {
    sub
      .from(through.table)
      .select(through.foreignKey)
      .whereRaw('?? = ??', [
        `${through.table}.${through.localKey}`,
        `${owner.table}.${owner.primaryKey}`,
      ])
    if (node.op === 'contains') sub.where(through.foreignKey, node.value as number)
    if (node.op === 'in') sub.whereIn(through.foreignKey, node.value as number[])
  }
  if (node.op === 'contains' || node.op === 'in') {
    // "linked to this one": the link table's (foreignKey, localKey) index gives the ids at once;
    // a correlated EXISTS would probe it once per row (a count at 1,000,000 rows: ~60 ms vs ~4 ms)
    query.whereIn(`${owner.table}.${owner.primaryKey}`, (sub) => {
      sub.from(through.table).select(through.localKey)
      if (node.op === 'contains') sub.where(through.foreignKey, node.value as number)
      else sub.whereIn(through.foreignKey, node.value as number[])
    })
    return
  }
  if (node.op === 'null') query.whereNotExists(links)
  else query.whereExists(links)
}

/**
 * `q`: each word must appear in one of the searchable fields.
 */
export function applySearch(
  query: DatabaseQueryBuilderContract,
  q: string,
  searchable: FieldDefinition[]
) {
  if (searchable.length === 0) throw fieldInputError('q', 'This resource has no searchable fields')
  for (const word of q.split(/\s+/).slice(0, 5)) {
    const pattern = `%${likeLiteral(word)}%`
    query.where((sub) => {
      for (const field of searchable) sub.orWhereRaw(LIKE, [field.name, pattern])
    })
  }
}

export function applySort(
  query: DatabaseQueryBuilderContract,
  sort: ListParams['sort'],
  primaryKey: string
) {
  for (const { field, direction } of sort) query.orderBy(field.name, direction)
  // The tie-breaker follows the last key's direction so that an index on
  // (key, id) serves the whole ORDER BY (created_at DESC, id ASC cannot).
  const last = sort[sort.length - 1]?.direction ?? 'asc'
  if (!sort.some(({ field }) => field.name === primaryKey)) query.orderBy(primaryKey, last)
}

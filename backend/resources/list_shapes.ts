import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { CompiledRead } from '#services/sqlite_reads'
import type { FieldDefinition } from './types.ts'
import type { FilterNode, Operator } from './filter_tree.ts'
import type { ListParams } from './list_query.ts'

/** Operators whose SQL binds the leaf's value as it is (`contains` binds a pattern made from it). */
const PLAIN_OPERATORS = new Set<Operator>([
  'eq',
  'ne',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'null',
  'notNull',
])
/** Shapes kept per field set; past it the oldest goes. */
const MAX_SHAPES = 500
/** Stand-ins for the page's LIMIT and OFFSET while a shape is compiled (no real page is this big). */
const LIMIT_STAND_IN = 900_000_001
const OFFSET_STAND_IN = 900_000_002

type Scalar = string | number | boolean | null
/** A binding's source: an index into the request's values, or a constant of the shape. */
type Source = number | { constant: unknown }

interface CompiledShape {
  page: { sql: string; sources: Source[] }
  count: { sql: string; sources: Source[] } | null
}

/** What a list request binds, in a fixed order: filter leaves, restrict, limit, offset. */
export interface ListValues {
  filter: FilterNode | null
  restrict: readonly Scalar[]
  limit: number
  offset: number
}

/**
 * The list queries of one shape: the same SQL text for every request that
 * differs only in its values. A list with no role scope and no search
 * (both are callbacks whose SQL may depend on the user or the text) is
 * such a shape, given its resource, field set, sort, the structure of its
 * filter (fields, operators, how many values, which are null), its
 * restriction's SQL, whether it counts and whether it skips rows. knex
 * compiled it anew for every request, a tenth of a SQLite list's CPU.
 *
 * A shape is compiled once, from the same builders a request uses, with
 * stand-in values: where each stand-in lands among the bindings says
 * where each request's values go. It is kept only when the stand-ins'
 * SQL is the request's SQL and the mapping gives back the request's own
 * bindings; otherwise the shape is remembered as not kept, and its
 * requests are built and compiled as before.
 */
export class ListShapes {
  #byFields = new WeakMap<Map<string, FieldDefinition>, Map<string, CompiledShape | null>>()

  /** The shape's key, or null when the request is not of a fixed shape. */
  key(
    resource: string,
    params: ListParams,
    restrict: { sql: string; bindings: readonly unknown[] } | undefined,
    counted: boolean,
    scoped: boolean
  ) {
    if (scoped || params.q) return null
    if (restrict && !restrict.bindings.every(isScalar)) return null
    const filter = params.filter ? filterKey(params.filter) : ''
    if (filter === null) return null
    const sort = params.sort.map(({ field, direction }) => `${field.name} ${direction}`).join()
    return [
      resource,
      sort,
      filter,
      restrict ? `${restrict.sql}|${restrict.bindings.length}` : '',
      counted ? 'count' : '',
      params.page > 1 ? 'offset' : '',
    ].join('\n')
  }

  /** The compiled shape: undefined when never tried, null when it is not kept. */
  get(fields: Map<string, FieldDefinition>, key: string) {
    return this.#byFields.get(fields)?.get(key)
  }

  /**
   * Compiles the shape from `build` (the request's own query builders, for
   * the values given) and keeps it if it checks out against `request`,
   * what the request itself compiled to.
   */
  remember(
    fields: Map<string, FieldDefinition>,
    key: string,
    values: ListValues,
    build: (values: ListValues) => {
      page: DatabaseQueryBuilderContract
      count: DatabaseQueryBuilderContract | null
    },
    request: { page: CompiledRead; count: CompiledRead | null }
  ) {
    let shapes = this.#byFields.get(fields)
    if (!shapes) this.#byFields.set(fields, (shapes = new Map()))
    shapes.set(key, compileShape(values, build, request))
    if (shapes.size > MAX_SHAPES) shapes.delete(shapes.keys().next().value!)
  }

  /** The SQL and bindings of a compiled shape for a request's values. */
  static reads(shape: CompiledShape, values: ListValues) {
    const flat = flatValues(values)
    const bind = ({ sql, sources }: { sql: string; sources: Source[] }): CompiledRead => ({
      sql,
      bindings: sources.map((source) =>
        typeof source === 'number' ? flat[source] : source.constant
      ),
    })
    return { page: bind(shape.page), count: shape.count ? bind(shape.count) : null }
  }
}

function compileShape(
  values: ListValues,
  build: Parameters<ListShapes['remember']>[3],
  request: { page: CompiledRead; count: CompiledRead | null }
): CompiledShape | null {
  const standIns = standInValues(values)
  const built = build(standIns.values)
  const page = mapBindings(built.page.toSQL(), standIns.sources)
  const count = built.count ? mapBindings(built.count.toSQL(), standIns.sources) : null
  if (!page || (built.count && !count) || Boolean(count) !== Boolean(request.count)) return null
  const shape: CompiledShape = { page, count }
  const again = ListShapes.reads(shape, values)
  const same = (a: CompiledRead | null, b: CompiledRead | null) =>
    a === b ||
    (a !== null &&
      b !== null &&
      a.sql === b.sql &&
      a.bindings.length === b.bindings.length &&
      a.bindings.every((binding, i) => Object.is(binding, b.bindings[i])))
  return same(again.page, request.page) && same(again.count, request.count) ? shape : null
}

/** Where each binding of `compiled` comes from, or null when one is no known stand-in. */
function mapBindings(compiled: CompiledRead, sources: Map<unknown, number>) {
  const mapped: Source[] = []
  for (const binding of compiled.bindings) {
    const source = sources.get(binding)
    if (source !== undefined) mapped.push(source)
    else if (typeof binding === 'number' && binding < LIMIT_STAND_IN) {
      // a constant of the query itself (the count's cap)
      mapped.push({ constant: binding })
    } else return null
  }
  return { sql: compiled.sql, sources: mapped }
}

/** The request's values with each replaced by a unique stand-in, and where each stand-in goes. */
function standInValues(values: ListValues) {
  const sources = new Map<unknown, number>()
  let next = 0
  const standIn = (value: Scalar) => {
    if (value === null) {
      next += 1
      return null
    }
    const text = `\u0001list value ${next}\u0001`
    sources.set(text, next++)
    return text
  }
  const filter = values.filter ? replaceLeaves(values.filter, standIn) : null
  const restrict = values.restrict.map(standIn)
  sources.set(LIMIT_STAND_IN, next++)
  sources.set(OFFSET_STAND_IN, next++)
  return {
    values: {
      filter,
      restrict,
      limit: LIMIT_STAND_IN,
      offset: values.offset > 0 ? OFFSET_STAND_IN : 0,
    },
    sources,
  }
}

/** Every value a request binds, in the order standInValues numbers them. */
function flatValues(values: ListValues) {
  const flat: unknown[] = []
  if (values.filter) replaceLeaves(values.filter, (value) => (flat.push(value), value))
  flat.push(...values.restrict, values.limit, values.offset)
  return flat
}

/** The tree with each leaf value (each item of a list value) passed through `replace`, in order. */
function replaceLeaves(node: FilterNode, replace: (value: Scalar) => Scalar): FilterNode {
  if (node.kind === 'group') {
    return { ...node, children: node.children.map((child) => replaceLeaves(child, replace)) }
  }
  if (node.op === 'null' || node.op === 'notNull') return node
  const value = Array.isArray(node.value)
    ? node.value.map((item) => replace(item as Scalar))
    : replace(node.value as Scalar)
  return { ...node, value }
}

/** The filter's structure, or null when one of its leaves is not of a fixed shape. */
function filterKey(node: FilterNode): string | null {
  if (node.kind === 'group') {
    const children = node.children.map(filterKey)
    return children.includes(null) ? null : `${node.join}(${children.join(',')})`
  }
  if (!PLAIN_OPERATORS.has(node.op)) return null
  const { value } = node
  if (node.op === 'null' || node.op === 'notNull') return `${node.field.name} ${node.op}`
  if (Array.isArray(value)) {
    return value.every(isScalar) ? `${node.field.name} ${node.op} [${value.length}]` : null
  }
  if (!isScalar(value)) return null
  return `${node.field.name} ${node.op} ${value === null ? 'null' : '?'}`
}

function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  )
}

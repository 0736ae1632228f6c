import { Readable } from 'node:stream'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { primaryKeyOf } from './resource_registry.ts'
import type { FieldDefinition, ResourceAction, ResourceDefinition, SearchOrder } from './types.ts'
import {
  applyFilter,
  applySearch,
  applySort,
  driveFromLink,
  DRIVING_LINK,
  linkDrive,
  parseListParams,
  type LinkDrive,
} from './list_query.ts'
import { presentRows, presentValue } from './values.ts'
import { streamRows } from './row_stream.ts'
import { csvLine } from './csv.ts'
import { ExportValues } from './export_values.ts'
import { readDirectly, readsDirectly, selectRows } from '#services/sqlite_reads'
import { ListShapes, type ListValues } from './list_shapes.ts'
import { actorFromContext, withBatchEntry } from '#services/audit_log'
import { ResourceAccess } from './resource_access.ts'
import { TableroError } from '#exceptions/tablero_error'
import { loadShownLinks, relationsFields } from './relation_links.ts'

/** Rows of an export whose links and names are loaded together (one query per relation field). */
const EXPORT_LINK_BATCH = 500

/** A list counts its matches up to this many ("1.000+"): a pager needs no more. */
const COUNT_CAP = 1_000
/**
 * A search (`q`) counts up to this many ("200+"): an agent who gets more
 * types another word. A name search walks the word index until the count
 * fills, so two common words ("martinez lopez") cost five times less.
 */
export const SEARCH_COUNT_CAP = 200

function countCap(params: { q?: string | null }) {
  return params.q ? SEARCH_COUNT_CAP : COUNT_CAP
}

/** The compiled SQL of fixed-shape lists (see ListShapes). */
const listShapes = new ListShapes()

type ListQueries = {
  page: DatabaseQueryBuilderContract
  count: DatabaseQueryBuilderContract | null
}

function compileBoth(queries: ListQueries) {
  return { page: queries.page.toSQL(), count: queries.count?.toSQL() ?? null }
}

/**
 * The total a page tells by itself: a page shorter than its limit that has
 * rows (or is the first) is the last, so the total is its offset plus its
 * rows, and the count need not run.
 */
function totalOfLastPage(rows: unknown[], values: ListValues) {
  const last = rows.length < values.limit && (rows.length > 0 || values.offset === 0)
  return last ? values.offset + rows.length : null
}

/** Runs a list's page and, unless the page tells the total, its count. */
async function readQueries(queries: ListQueries, values: ListValues) {
  const rows = await selectRows(queries.page)
  const known = queries.count ? totalOfLastPage(rows, values) : null
  if (known !== null || !queries.count) return { total: known, rows }
  const counted = await selectRows(queries.count)
  return { total: Number(counted[0].total), rows }
}

/** Runs a compiled shape straight on the connection; null if the driver failed (see readDirectly). */
async function readShape(
  client: QueryClientContract,
  shape: NonNullable<ReturnType<ListShapes['get']>>,
  values: ListValues
) {
  const reads = ListShapes.reads(shape, values)
  const rows = await readDirectly(client, reads.page)
  if (!rows) return null
  const known = reads.count ? totalOfLastPage(rows, values) : null
  if (known !== null || !reads.count) return { total: known, rows }
  const counted = await readDirectly(client, reads.count)
  if (!counted) return null
  return { total: Number(counted[0].total), rows }
}

/** Each field set's select list (see #selectList); a new set when fields change. */
const selectLists = new WeakMap<Map<string, FieldDefinition>, ReturnType<typeof db.raw>>()

/**
 * The read side of the engine: list, show, count, history and export,
 * each authorized (role × resource × action) and within the role's row
 * scope. Nothing here writes; writes go through ResourceCommands.
 */
export class ResourceQueries extends ResourceAccess {
  /**
   * The list's select, quoted once per field set (knex re-quoted every
   * column on every request): the same text knex writes for `select(names)`
   * on MySQL and SQLite, both of which quote with backticks.
   */
  #selectList(fields: Map<string, FieldDefinition>) {
    let list = selectLists.get(fields)
    if (!list) {
      const quoted = this.columns(fields).map((name) => `\`${name.replaceAll('`', '``')}\``)
      list = db.raw(quoted.join(', '))
      selectLists.set(fields, list)
    }
    return list
  }

  /**
   * `restrict` narrows the list further for endpoints built beside the
   * generic REST (caller-ID lookup): a fixed SQL condition with its values
   * bound, added in parentheses, so it never widens the role's scope.
   * `count: false` skips the total for callers that need only the rows.
   */
  async list(
    name: string,
    input: Record<string, unknown>,
    restrict?: { sql: string; bindings: Array<string | number> },
    options: { count?: boolean } = {}
  ) {
    const { definition, fields } = this.authorize(name, 'list')
    const params = parseListParams(
      input,
      fields,
      definition.defaultSort ?? primaryKeyOf(definition)
    )
    const counted = options.count !== false
    const values: ListValues = {
      filter: params.filter,
      restrict: restrict?.bindings ?? [],
      limit: params.perPage,
      offset: (params.page - 1) * params.perPage,
    }
    const build = (of: ListValues) =>
      this.#listQueries(definition, fields, params, input, of, restrict?.sql, counted)
    const client = db.connection()
    const key = readsDirectly(client)
      ? listShapes.key(definition.name, params, restrict, counted, this.hasScope(definition))
      : null
    const shape = key === null ? null : listShapes.get(fields, key)
    let read = shape ? await readShape(client, shape, values) : null
    if (!read) {
      const queries = build(values)
      const compiled = key !== null && shape === undefined ? compileBoth(queries) : null
      read = await readQueries(queries, values)
      if (compiled) listShapes.remember(fields, key!, values, build, compiled)
    }
    await loadShownLinks(definition, fields, read.rows, client)
    const total = read.total ?? read.rows.length
    const cap = countCap(params)
    return {
      data: presentRows(fields, read.rows),
      meta: {
        total: Math.min(total, cap),
        totalCapped: total > cap,
        page: params.page,
        perPage: params.perPage,
      },
    }
  }

  /**
   * The page's query and, when `counted`, its count, for the given values
   * (the request's, or ListShapes' stand-ins). The count reads matching
   * ids up to the cap + 1 only (countCap): an exact count of a million rows costs
   * a full index scan on every page view, and a pager needs no more than
   * "1,000+".
   */
  #listQueries(
    definition: ResourceDefinition,
    fields: Map<string, FieldDefinition>,
    params: ReturnType<typeof parseListParams>,
    input: Record<string, unknown>,
    values: ListValues,
    restrictSql: string | undefined,
    counted: boolean
  ) {
    const key = primaryKeyOf(definition)
    const owner = { table: definition.table, primaryKey: key }
    const filtered = (drive: LinkDrive | null) => {
      const query = this.#filtered(definition, fields, { ...params, filter: values.filter }, drive)
      if (restrictSql !== undefined) {
        query.whereRaw(`(${restrictSql})`, values.restrict as Array<string | number>)
      }
      if (drive) driveFromLink(query, drive, owner)
      return query
    }
    // the drive is chosen from the parsed filter's shape, never from the values (see ListShapes)
    const drive = params.q ? null : linkDrive(params.filter, fields)
    let count: DatabaseQueryBuilderContract | null = null
    if (counted) {
      const capped = filtered(drive).clearOrder().clearSelect()
      // driven: a row linked to two of an `in`'s values is one match
      if (drive) capped.distinct(`${definition.table}.${key}`)
      else capped.select(key)
      capped.limit(countCap(params) + 1)
      count = db.connection().from(capped.as('capped')).count('* as total')
    }
    const byKey = params.sort.length === 1 && params.sort[0].field.name === key && !input.q
    if (drive && byKey) {
      // One value: its (foreignKey, localKey) index gives the rows in order. Several: the page
      // walks the link table's own key in order and keeps each row once.
      const several = drive.leaf.op === 'in' && (drive.leaf.value as unknown[]).length > 1
      const page = filtered({ ...drive, unindexed: several })
      const linked = `${DRIVING_LINK}.${drive.through.localKey}`
      if (several) page.groupBy(linked)
      page
        .orderBy(linked, params.sort[0].direction)
        .select(this.#selectList(fields))
        .offset(values.offset)
        .limit(values.limit)
      return { page, count }
    }
    const query = filtered(null)
    orderList(query, definition, params, input)
    query.select(this.#selectList(fields)).offset(values.offset).limit(values.limit)
    return { page: query, count }
  }

  /**
   * The rows a list with `input`'s filter and search would show, as a
   * query to refine (count, ids), for endpoints that act on a whole
   * filtered set (Asignaciones): the same permission (`action`), row scope,
   * filter tree and search as the list, no order, no page.
   */
  matching(name: string, input: Record<string, unknown>, action: ResourceAction = 'list') {
    const { definition, fields } = this.authorize(name, action)
    const params = parseListParams(
      { filter: input.filter, q: input.q },
      fields,
      primaryKeyOf(definition)
    )
    return { definition, query: this.#filtered(definition, fields, params) }
  }

  #filtered(
    definition: ResourceDefinition,
    fields: Map<string, FieldDefinition>,
    params: ReturnType<typeof parseListParams>,
    drive: LinkDrive | null = null
  ) {
    const query = this.scoped(definition)
    if (params.filter) {
      applyFilter(query, params.filter, {
        table: definition.table,
        primaryKey: primaryKeyOf(definition),
        drive,
      })
    }
    if (params.q && definition.search) {
      const order = definition.search(query, params.q)
      if (order) searchOrders.set(query, order)
    } else if (params.q) {
      applySearch(
        query,
        params.q,
        [...fields.values()].filter((field) => field.searchable)
      )
    }
    return query
  }

  /**
   * The raw row of a record the user may take `action` on, within the
   * role's scope; 403 or 404 otherwise. For endpoints built beside the
   * generic REST (merge, notify…), so they authorize the same way.
   */
  async visibleRow(
    name: string,
    rawId: unknown,
    action: ResourceAction,
    client?: QueryClientContract
  ) {
    const { definition, fields } = this.authorize(name, action)
    return this.findRow(definition, fields, rawId, client)
  }

  async show(name: string, rawId: unknown) {
    const { definition, fields } = this.authorize(name, 'show')
    const row = await this.findRow(definition, fields, rawId).catch((error) =>
      this.refuseOutOfScope(definition, fields, rawId, error)
    )
    await loadShownLinks(definition, fields, [row], db.connection())
    await definition.hooks?.afterShow?.(row, {
      user: this.user,
      actor: actorFromContext(this.ctx),
    })
    return { data: this.present(fields, row) }
  }

  /**
   * Opening one record that exists outside the user's row scope (another
   * agent's client) is "sin acceso" (403 OUT_OF_SCOPE), not "no existe",
   * for resources that declare `outOfScopeForbidden` (issue 20). Only the
   * single read says so; lists, writes and the checks that name other
   * records stay silent (404).
   */
  private async refuseOutOfScope(
    definition: ResourceDefinition,
    fields: Map<string, FieldDefinition>,
    rawId: unknown,
    error: unknown
  ): Promise<never> {
    if (!definition.outOfScopeForbidden || !this.hasScope(definition)) throw error
    const exists = await db
      .from(definition.table)
      .where(primaryKeyOf(definition), this.id(definition, fields, rawId))
      .select(primaryKeyOf(definition))
      .first()
    if (!exists) throw error
    throw new TableroError('OUT_OF_SCOPE', 'You may not see this record', 403)
  }

  /**
   * The audit entries of one record, newest first (the history tab).
   */
  async history(name: string, rawId: unknown) {
    const { definition, fields } = this.authorize(name, 'show')
    const row = await this.findRow(definition, fields, rawId)
    const own = await db
      .from('audit_logs')
      .leftJoin('users', 'users.id', 'audit_logs.actor_id')
      .where('audit_logs.resource', definition.name)
      .where('audit_logs.record_id', String(row[primaryKeyOf(definition)]))
      .orderBy('audit_logs.id', 'desc')
      .limit(200)
      .select(
        'audit_logs.id',
        'audit_logs.action',
        'audit_logs.before',
        'audit_logs.after',
        'audit_logs.ip',
        'audit_logs.created_at',
        'audit_logs.actor_id',
        'users.full_name as actor_name'
      )
    // A record created by an import shares its batch's entry.
    const entries = await withBatchEntry(own, definition.name, row[primaryKeyOf(definition)])
    return {
      data: entries.map((entry) => ({
        id: Number(entry.id),
        action: entry.action,
        actor: entry.actor_id ? { id: entry.actor_id, name: entry.actor_name } : null,
        before: entry.before ? JSON.parse(entry.before) : null,
        after: entry.after ? JSON.parse(entry.after) : null,
        ip: entry.ip,
        createdAt: presentValue(
          { name: 'created_at', type: 'datetime', label: { es: '', en: '' } },
          entry.created_at
        ),
      })),
    }
  }

  /**
   * CSV of the filtered, sorted list, streamed row by row, as the
   * supervisor reads it and the import reads back (ExportValues): headers
   * in `language` (field names with `keys`), options and booleans by
   * their labels, related records by their names.
   */
  export(
    name: string,
    input: Record<string, unknown>,
    options: { language?: 'es' | 'en'; keys?: boolean } = {}
  ) {
    const { definition, fields } = this.authorize(name, 'export')
    const params = parseListParams(
      input,
      fields,
      definition.defaultSort ?? primaryKeyOf(definition)
    )
    const query = this.#filtered(definition, fields, params).select(this.columns(fields))
    orderList(query, definition, params, input)
    const present = (row: Record<string, unknown>) => this.present(fields, row)
    const values = new ExportValues(
      this.registry,
      [...fields.values()].filter((field) => field.type !== 'password'),
      options.language ?? 'es'
    )
    const linked = relationsFields(fields).length > 0
    const withLinks = (rows: Record<string, unknown>[]) =>
      loadShownLinks(definition, fields, rows, db.connection())
    async function* lines() {
      yield '\uFEFF' + csvLine(values.header(options.keys ?? false))
      let batch = ''
      let pending: Record<string, unknown>[] = []
      const flush = async () => {
        if (linked) await withLinks(pending)
        const presented = pending.map(present)
        await values.load(presented, db.connection())
        for (const row of presented) batch += csvLine(values.cells(row))
        pending = []
      }
      for await (const row of streamRows(query as DatabaseQueryBuilderContract)) {
        pending.push(row)
        if (pending.length >= EXPORT_LINK_BATCH) await flush()
        if (batch.length > 64 * 1024) {
          yield batch
          batch = ''
        }
      }
      await flush()
      if (batch) yield batch
    }
    return { filename: `${definition.name}.csv`, stream: Readable.from(lines()) }
  }
}

/** The order a resource's search answered for a list query (see SearchOrder). */
const searchOrders = new WeakMap<DatabaseQueryBuilderContract, SearchOrder>()

/**
 * Orders a list: by the request's sort, or — for a search that names no
 * sort — by the resource's search order (e.g. the name index), which keeps
 * the search on one index.
 */
function orderList(
  query: DatabaseQueryBuilderContract,
  definition: ResourceDefinition,
  params: ReturnType<typeof parseListParams>,
  input: Record<string, unknown>
) {
  const searchOrder = searchOrders.get(query)
  if (params.q && searchOrder && !input.sort) {
    for (const { column, direction } of searchOrder) query.orderBy(column, direction)
    return
  }
  if (params.q && definition.searchSort && !input.sort) {
    query.orderBy(definition.searchSort, 'asc').orderBy(primaryKeyOf(definition), 'asc')
    return
  }
  applySort(query, params.sort, primaryKeyOf(definition))
}

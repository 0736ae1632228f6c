import { Readable } from 'node:stream'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type User from '#models/user'
import { TableroError } from '#exceptions/tablero_error'
import { AuditLog, actorFromContext, toSqlDateTime } from '#services/audit_log'
import { primaryKeyOf, type ResourceRegistry } from './resource_registry.ts'
import type { FieldDefinition, HookContext, ResourceAction, ResourceDefinition } from './types.ts'
import { applyFilter, applySearch, applySort, parseListParams } from './list_query.ts'
import { requireConditionalFields, validatePayload } from './payload_validator.ts'
import { presentValue } from './values.ts'
import { fieldInputError, notFound } from './errors.ts'
import { streamRows } from './row_stream.ts'
import { RelationTargets } from './relation_targets.ts'
import { RecordKeepers } from './record_keepers.ts'
import { ARCHIVED_AT } from './resource_registry.ts'
import { csvLine } from './csv.ts'

const MAX_BULK_IDS = 500
const COUNT_CAP = 1_000
const MAX_ID_LENGTH = 64

/** Each field set's select list (see #selectList); a new set when fields change. */
const selectLists = new WeakMap<Map<string, FieldDefinition>, ReturnType<typeof db.raw>>()

/**
 * The one path every generic read and write goes through: authorize (role
 * × resource × action), restrict to the role's row scope, validate from
 * the field metadata, write, and audit in the same transaction.
 */
export class ResourceService {
  #relations: RelationTargets

  constructor(
    private registry: ResourceRegistry,
    private ctx: HttpContext
  ) {
    this.#relations = new RelationTargets(registry)
  }

  get #user() {
    return this.ctx.auth.getUserOrFail() as User
  }

  #authorize(name: string, action: ResourceAction) {
    const definition = this.registry.getOrFail(name)
    if (!this.registry.can(this.#user, definition, action)) {
      throw new TableroError('FORBIDDEN', `You may not ${action} ${definition.name}`, 403)
    }
    return { definition, fields: this.registry.fieldsFor(definition, this.#user) }
  }

  #scoped(definition: ResourceDefinition, client: QueryClientContract = db.connection()) {
    const query = client.from(definition.table)
    this.#restrict(definition, query, client)
    return query
  }

  /**
   * Applies the role's row scope, and for a satellite its parent's scope:
   * a phone is visible only when its client is.
   */
  #restrict(
    definition: ResourceDefinition,
    query: DatabaseQueryBuilderContract,
    client: QueryClientContract
  ) {
    const scope = definition.scopes?.[this.#user.role]
    // In parentheses: an OR inside a scope can never escape it.
    if (scope) query.where((sub) => scope(sub, this.#user))
    if (!definition.parent) return
    const parent = this.registry.getOrFail(definition.parent.resource)
    if (!this.#hasScope(parent)) return
    const visibleParents = client.from(parent.table).select(primaryKeyOf(parent))
    this.#restrict(parent, visibleParents, client)
    query.whereIn(definition.parent.field, visibleParents)
  }

  #hasScope(definition: ResourceDefinition): boolean {
    if (definition.scopes?.[this.#user.role]) return true
    if (!definition.parent) return false
    return this.#hasScope(this.registry.getOrFail(definition.parent.resource))
  }

  /**
   * A write to a satellite must name a parent the user can see.
   */
  async #checkParent(
    definition: ResourceDefinition,
    values: Record<string, unknown>,
    client: QueryClientContract
  ) {
    if (!definition.parent || values[definition.parent.field] === undefined) return
    const parent = this.registry.getOrFail(definition.parent.resource)
    const field = definition.parent.field
    const visible = await this.#scoped(parent, client)
      .where(primaryKeyOf(parent), values[field] as never)
      .select(primaryKeyOf(parent))
      .first()
    if (!visible) throw fieldInputError(field, `No such ${parent.name} record`, 'exists')
  }

  /**
   * Fields marked unique: another row with the same value is a 422 on the
   * field (the database constraint stays as the last line of defence).
   */
  async #checkUnique(
    definition: ResourceDefinition,
    fields: Map<string, FieldDefinition>,
    values: Record<string, unknown>,
    exceptId: unknown,
    client: QueryClientContract
  ) {
    for (const field of fields.values()) {
      if (!field.unique || values[field.name] === undefined || values[field.name] === null) continue
      const query = client.from(definition.table).where(field.name, values[field.name] as never)
      if (exceptId !== null) query.whereNot(primaryKeyOf(definition), exceptId as never)
      if (await query.select(primaryKeyOf(definition)).first()) {
        throw fieldInputError(field.name, 'Another record already has this value', 'unique')
      }
    }
  }

  /**
   * Where the audit entry shows up: the parent's log for a satellite, the
   * record's own log otherwise.
   */
  #subject(definition: ResourceDefinition, row: Record<string, unknown>) {
    if (definition.parent) {
      return {
        subject: definition.parent.resource,
        subjectId: row[definition.parent.field] as string,
      }
    }
    return { subject: definition.name, subjectId: row[primaryKeyOf(definition)] as string }
  }

  /** Passwords are written, never read: they are neither selected nor shown. */
  #present(fields: Map<string, FieldDefinition>, row: Record<string, unknown>) {
    const out: Record<string, unknown> = {}
    for (const field of fields.values()) {
      if (field.type !== 'password') out[field.name] = presentValue(field, row[field.name])
    }
    return out
  }

  #columns(fields: Map<string, FieldDefinition>) {
    return [...fields.values()]
      .filter((field) => field.type !== 'password')
      .map((field) => field.name)
  }

  /**
   * The list's select, quoted once per field set (knex re-quoted every
   * column on every request): the same text knex writes for `select(names)`
   * on MySQL and SQLite, both of which quote with backticks.
   */
  #selectList(fields: Map<string, FieldDefinition>) {
    let list = selectLists.get(fields)
    if (!list) {
      const quoted = this.#columns(fields).map((name) => `\`${name.replaceAll('`', '``')}\``)
      list = db.raw(quoted.join(', '))
      selectLists.set(fields, list)
    }
    return list
  }

  #id(definition: ResourceDefinition, fields: Map<string, FieldDefinition>, raw: unknown) {
    const pk = fields.get(primaryKeyOf(definition))!
    const text = String(raw ?? '')
    if (pk.type === 'number') {
      if (!/^\d{1,15}$/.test(text)) throw notFound(definition.name)
      return Number(text)
    }
    if (text.length === 0 || text.length > MAX_ID_LENGTH) throw notFound(definition.name)
    return text
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
    const { definition, fields } = this.#authorize(name, 'list')
    const params = parseListParams(
      input,
      fields,
      definition.defaultSort ?? primaryKeyOf(definition)
    )
    const query = this.#filtered(definition, fields, params)
    if (restrict) query.whereRaw(`(${restrict.sql})`, restrict.bindings)
    const total =
      options.count === false ? null : await this.#cappedCount(query, primaryKeyOf(definition))
    orderList(query, definition, params, input)
    const rows = await query
      .select(this.#selectList(fields))
      .offset((params.page - 1) * params.perPage)
      .limit(params.perPage)
    const counted = total ?? rows.length
    return {
      data: rows.map((row) => this.#present(fields, row)),
      meta: {
        total: Math.min(counted, COUNT_CAP),
        totalCapped: counted > COUNT_CAP,
        page: params.page,
        perPage: params.perPage,
      },
    }
  }

  /**
   * Counts matching rows up to COUNT_CAP + 1 only: an exact count of a
   * million rows costs a full index scan on every page view, and a pager
   * needs no more than "1,000+".
   */
  async #cappedCount(query: DatabaseQueryBuilderContract, primaryKey: string) {
    const capped = query
      .clone()
      .clearOrder()
      .clearSelect()
      .select(primaryKey)
      .limit(COUNT_CAP + 1)
    const [row] = await db.connection().from(capped.as('capped')).count('* as total')
    return Number(row.total)
  }

  #filtered(
    definition: ResourceDefinition,
    fields: Map<string, FieldDefinition>,
    params: ReturnType<typeof parseListParams>
  ) {
    const query = this.#scoped(definition)
    if (params.filter) applyFilter(query, params.filter)
    if (params.q && definition.search) {
      definition.search(query, params.q)
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
    const { definition, fields } = this.#authorize(name, action)
    return this.#findRow(definition, fields, rawId, client)
  }

  async show(name: string, rawId: unknown) {
    const { definition, fields } = this.#authorize(name, 'show')
    const row = await this.#findRow(definition, fields, rawId)
    return { data: this.#present(fields, row) }
  }

  async #findRow(
    definition: ResourceDefinition,
    fields: Map<string, FieldDefinition>,
    rawId: unknown,
    client?: QueryClientContract
  ) {
    const id = this.#id(definition, fields, rawId)
    const query = this.#scoped(definition, client).where(primaryKeyOf(definition), id)
    if (client && client.dialect.name === 'mysql') query.forUpdate()
    const row = await query.select(this.#columns(fields)).first()
    if (!row) throw notFound(definition.name)
    return row as Record<string, unknown>
  }

  async create(name: string, body: unknown) {
    const { definition, fields } = this.#authorize(name, 'create')
    const values = await validatePayload(fields, body, 'create')
    const row = await db.transaction((trx) => this.#insert(definition, fields, values, trx))
    return { data: row }
  }

  /**
   * The resource a CSV import writes to: it takes both `import` and
   * `create`, since every row of the file is a create.
   */
  importable(name: string) {
    this.#authorize(name, 'import')
    return this.#authorize(name, 'create')
  }

  /**
   * What a CSV import of `name` writes with, authorized once for the whole
   * file (`import` and `create`), its fields fixed for the file:
   * - `check`: everything `create` checks, without writing. The
   *   beforeCreate hook runs too (it holds rules such as duplicate
   *   detection) in the caller's transaction, which the caller rolls back.
   *   Answers the values `create` would write.
   * - `create`: `create` inside the caller's transaction, so a batch of
   *   rows, with their hooks and audit entries, is one transaction.
   */
  importer(name: string) {
    const { definition, fields } = this.importable(name)
    return {
      definition,
      fields,
      check: async (body: unknown, trx: QueryClientContract) => {
        const values = await validatePayload(fields, body, 'create')
        await this.#beforeInsert(definition, fields, values, this.#hook(trx))
        return values
      },
      create: async (body: unknown, trx: QueryClientContract) =>
        this.#insert(definition, fields, await validatePayload(fields, body, 'create'), trx),
    }
  }

  #hook(trx: QueryClientContract): HookContext {
    return {
      user: this.#user,
      trx,
      ctx: this.ctx,
      readableIds: (resource, ids) => this.readableIds(resource, ids, trx),
    }
  }

  /**
   * Which of `ids` the user may read: the `show` permission and the row
   * scope the list applies, so what a refusal names never says more than
   * the list would show.
   */
  async readableIds(
    name: string,
    ids: Array<string | number>,
    client: QueryClientContract = db.connection()
  ) {
    const definition = this.registry.getOrFail(name)
    if (ids.length === 0 || !this.registry.can(this.#user, definition, 'show')) return new Set()
    const pk = primaryKeyOf(definition)
    const rows = await this.#scoped(definition, client).whereIn(pk, ids).select(pk)
    return new Set<unknown>(rows.map((row) => row[pk]))
  }

  async #beforeInsert(
    definition: ResourceDefinition,
    fields: Map<string, FieldDefinition>,
    values: Record<string, unknown>,
    hook: HookContext
  ) {
    await this.#checkParent(definition, values, hook.trx)
    await this.#checkUnique(definition, fields, values, null, hook.trx)
    await this.#relations.check(fields, values, hook.trx, definition.parent?.field)
    requireConditionalFields(fields, values)
    await definition.hooks?.beforeCreate?.(values, hook)
  }

  async #insert(
    definition: ResourceDefinition,
    fields: Map<string, FieldDefinition>,
    values: Record<string, unknown>,
    trx: QueryClientContract
  ) {
    const hook = this.#hook(trx)
    await this.#beforeInsert(definition, fields, values, hook)
    const now = toSqlDateTime(DateTime.utc())
    if (fields.has('created_at')) values.created_at = now
    if (fields.has('updated_at')) values.updated_at = now
    const [insertedId] = await trx.insertQuery().table(definition.table).insert(values)
    const id = values[primaryKeyOf(definition)] ?? insertedId
    const stored = await trx
      .from(definition.table)
      .where(primaryKeyOf(definition), id as never)
      .select(this.#columns(fields))
      .firstOrFail()
    await definition.hooks?.afterCreate?.(stored, hook)
    const presented = this.#present(fields, stored)
    await AuditLog.record(trx, actorFromContext(this.ctx), {
      action: 'create',
      resource: definition.name,
      recordId: String(id),
      after: presented,
      ...this.#subject(definition, stored),
    })
    return presented
  }

  async update(name: string, rawId: unknown, body: unknown) {
    const { definition, fields } = this.#authorize(name, 'update')
    const values = await validatePayload(fields, body, 'update')
    const row = await db.transaction(async (trx) =>
      this.#updateOne(definition, fields, rawId, values, trx)
    )
    return { data: row }
  }

  async #updateOne(
    definition: ResourceDefinition,
    fields: Map<string, FieldDefinition>,
    rawId: unknown,
    values: Record<string, unknown>,
    trx: QueryClientContract
  ) {
    const beforeRow = await this.#findRow(definition, fields, rawId, trx)
    const before = this.#present(fields, beforeRow)
    const changes = { ...values }
    await this.#checkParent(definition, changes, trx)
    const pkValue = beforeRow[primaryKeyOf(definition)]
    await this.#checkUnique(definition, fields, changes, pkValue, trx)
    await this.#relations.check(
      fields,
      changedFrom(beforeRow, changes),
      trx,
      definition.parent?.field
    )
    requireConditionalFields(fields, { ...beforeRow, ...changes })
    const hook = this.#hook(trx)
    await definition.hooks?.beforeUpdate?.(changes, before, hook)
    if (fields.has('updated_at')) changes.updated_at = toSqlDateTime(DateTime.utc())
    const pk = primaryKeyOf(definition)
    if (Object.keys(changes).length > 0) {
      await trx
        .from(definition.table)
        .where(pk, beforeRow[pk] as never)
        .update(changes)
    }
    await definition.hooks?.afterUpdate?.({ ...beforeRow, ...changes }, before, hook)
    const afterRow = await trx
      .from(definition.table)
      .where(pk, beforeRow[pk] as never)
      .select(this.#columns(fields))
      .firstOrFail()
    const after = this.#present(fields, afterRow)
    await AuditLog.record(trx, actorFromContext(this.ctx), {
      action: 'update',
      resource: definition.name,
      recordId: String(beforeRow[pk]),
      ...changedOnly(before, after),
      ...this.#subject(definition, afterRow),
    })
    return after
  }

  async destroy(name: string, rawId: unknown) {
    const { definition, fields } = this.#authorize(name, 'delete')
    await db.transaction(async (trx) => this.#deleteOne(definition, fields, rawId, trx))
  }

  async #deleteOne(
    definition: ResourceDefinition,
    fields: Map<string, FieldDefinition>,
    rawId: unknown,
    trx: QueryClientContract
  ) {
    const row = await this.#findRow(definition, fields, rawId, trx)
    const pk = primaryKeyOf(definition)
    await new RecordKeepers(this.registry).refuseIfKept(definition, row[pk], trx)
    await definition.hooks?.beforeDelete?.(row, this.#hook(trx))
    await trx
      .from(definition.table)
      .where(pk, row[pk] as never)
      .delete()
    await AuditLog.record(trx, actorFromContext(this.ctx), {
      action: 'delete',
      resource: definition.name,
      recordId: String(row[pk]),
      before: this.#present(fields, row),
      ...this.#subject(definition, row),
    })
  }

  /**
   * Archives (or restores) a record of an archivable resource: a write like
   * any update (same permission, row scope and audit), told apart in the
   * history as `archive` / `restore`. Doing it twice changes nothing.
   */
  async setArchived(name: string, rawId: unknown, archived: boolean) {
    const { definition, fields } = this.#authorize(name, 'update')
    if (!definition.archivable) throw notFound(definition.name)
    const row = await db.transaction(async (trx) => {
      const before = await this.#findRow(definition, fields, rawId, trx)
      const pk = primaryKeyOf(definition)
      if (Boolean(before[ARCHIVED_AT]) === archived) return before
      const now = toSqlDateTime(DateTime.utc())
      const changes: Record<string, unknown> = { [ARCHIVED_AT]: archived ? now : null }
      if (fields.has('updated_at')) changes.updated_at = now
      await trx
        .from(definition.table)
        .where(pk, before[pk] as never)
        .update(changes)
      const after = { ...before, ...changes }
      await AuditLog.record(trx, actorFromContext(this.ctx), {
        action: archived ? 'archive' : 'restore',
        resource: definition.name,
        recordId: String(before[pk]),
        ...changedOnly(this.#present(fields, before), this.#present(fields, after)),
        ...this.#subject(definition, after),
      })
      return after
    })
    return { data: this.#present(fields, row) }
  }

  /**
   * Applies the same change to several records, all or nothing: an id the
   * user cannot see fails the whole request with 404.
   */
  async bulkUpdate(name: string, body: unknown) {
    const { definition, fields } = this.#authorize(name, 'update')
    const { ids, values: raw } = bulkBody(body, true)
    const values = await validatePayload(fields, raw, 'update')
    if (Object.keys(values).length === 0) throw fieldInputError('values', 'Nothing to change')
    await db.transaction(async (trx) => {
      for (const id of ids) await this.#updateOne(definition, fields, id, values, trx)
    })
    return { data: { affected: ids.length } }
  }

  async bulkDelete(name: string, body: unknown) {
    const { definition, fields } = this.#authorize(name, 'delete')
    const { ids } = bulkBody(body, false)
    await db.transaction(async (trx) => {
      for (const id of ids) await this.#deleteOne(definition, fields, id, trx)
    })
    return { data: { affected: ids.length } }
  }

  /**
   * The audit entries of one record, newest first (the history tab).
   */
  async history(name: string, rawId: unknown) {
    const { definition, fields } = this.#authorize(name, 'show')
    const row = await this.#findRow(definition, fields, rawId)
    const entries = await db
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
   * CSV of the filtered, sorted list, streamed row by row.
   */
  export(name: string, input: Record<string, unknown>) {
    const { definition, fields } = this.#authorize(name, 'export')
    const params = parseListParams(
      input,
      fields,
      definition.defaultSort ?? primaryKeyOf(definition)
    )
    const query = this.#filtered(definition, fields, params).select(this.#columns(fields))
    orderList(query, definition, params, input)
    const present = (row: Record<string, unknown>) => this.#present(fields, row)
    const names = this.#columns(fields)
    async function* lines() {
      yield '\uFEFF' + csvLine(names)
      let batch = ''
      for await (const row of streamRows(query as DatabaseQueryBuilderContract)) {
        const values = present(row)
        batch += csvLine(names.map((key) => values[key]))
        if (batch.length > 64 * 1024) {
          yield batch
          batch = ''
        }
      }
      if (batch) yield batch
    }
    return { filename: `${definition.name}.csv`, stream: Readable.from(lines()) }
  }
}

function bulkBody(body: unknown, withValues: boolean) {
  const record = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const ids = record.ids
  if (!Array.isArray(ids) || ids.length === 0)
    throw fieldInputError('ids', 'Expected a non-empty array')
  if (ids.length > MAX_BULK_IDS) throw fieldInputError('ids', `At most ${MAX_BULK_IDS} ids`)
  ids.forEach((id, i) => {
    if (typeof id !== 'number' && typeof id !== 'string') {
      throw fieldInputError(`ids[${i}]`, 'Expected an id')
    }
  })
  if (withValues && (!record.values || typeof record.values !== 'object')) {
    throw fieldInputError('values', 'Expected an object of field values')
  }
  return { ids: [...new Set(ids as Array<string | number>)], values: record.values }
}

/** The values of `changes` that differ from the stored row (a link kept as it is is not re-checked). */
function changedFrom(row: Record<string, unknown>, changes: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => String(row[key] ?? '') !== String(value ?? ''))
  )
}

/**
 * Keeps only the fields that changed, so history shows field, old, new.
 */
function changedOnly(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changedBefore: Record<string, unknown> = {}
  const changedAfter: Record<string, unknown> = {}
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]) && key !== 'updated_at') {
      changedBefore[key] = before[key]
      changedAfter[key] = after[key]
    }
  }
  return { before: changedBefore, after: changedAfter }
}

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
  if (params.q && definition.searchSort && !input.sort) {
    query.orderBy(definition.searchSort, 'asc').orderBy(primaryKeyOf(definition), 'asc')
    return
  }
  applySort(query, params.sort, primaryKeyOf(definition))
}

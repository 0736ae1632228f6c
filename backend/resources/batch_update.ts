import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { AuditLog, actorFromContext, toSqlDateTime, type AuditEntry } from '#services/audit_log'
import { TableroError } from '#exceptions/tablero_error'
import { primaryKeyOf } from './resource_registry.ts'
import type { FieldDefinition, HookContext, ResourceDefinition } from './types.ts'
import { requireConditionalFields, validatePayload } from './payload_validator.ts'
import { fieldInputError } from './errors.ts'
import type { RelationTargets } from './relation_targets.ts'
import type { ResourceAccess } from './resource_access.ts'
import { checkLinks, loadLinks, replaceLinks, takeLinks, type Links } from './relation_links.ts'
import { auditSubjectOf, changedFrom, changedOnly } from './record_changes.ts'
import { yieldToRequests, type BatchInput } from './batch_create.ts'
import { bindable, quote } from './bulk_insert.ts'

type Row = Record<string, unknown>
type Fields = Map<string, FieldDefinition>

/** Rows handled between two chances for waiting requests to run. */
const YIELD_EVERY = 250

/**
 * One row of a batch update (an import in update mode): the record its key
 * matched, the changes (the chosen fields, validated as an update), its
 * line, and the error that refuses it once a check does.
 */
export interface UpdateRow {
  id: string | number
  /** the key value that found the record, as stored */
  key: unknown
  values: Row
  line: number
  error?: unknown
}

/** How the rows of a batch fall against the records: matched, new, or refused. */
export interface KeyMatch {
  matched: Array<{ id: string | number; key: unknown; input: BatchInput }>
  fresh: BatchInput[]
  refused: Array<{ line: number; values: Row; error: unknown }>
}

/**
 * The batch side of update (imports in update mode): the rows of a file
 * matched to records by a key field, once per batch, then each matched
 * record changed by the same steps as one update (row scope, unique
 * values, relations, conditional fields, beforeUpdate, write, afterUpdate)
 * and one multi-row insert of audit entries, one per changed record, so
 * each record's history shows its own change.
 */
export class BatchUpdate {
  constructor(
    private access: ResourceAccess,
    private relations: RelationTargets
  ) {}

  /**
   * The records the rows' `key` values name, in one query for the batch:
   * a row whose key is empty or names several records is refused on the
   * key; one whose record is outside the user's row scope is refused as
   * forbidden (it is never created again instead); the others are new.
   */
  async match(
    definition: ResourceDefinition,
    fields: Fields,
    key: string,
    inputs: BatchInput[],
    client: QueryClientContract
  ): Promise<KeyMatch> {
    const result: KeyMatch = { matched: [], fresh: [], refused: [] }
    const field = fields.get(key)!
    const keyed: Array<{ input: BatchInput; value: unknown }> = []
    for (const input of inputs) {
      try {
        keyed.push({ input, value: await keyValue(definition, field, input.body) })
      } catch (error) {
        result.refused.push({ line: input.line, values: {}, error })
      }
    }
    const pk = primaryKeyOf(definition)
    const values = [...new Set(keyed.map((row) => row.value))]
    const found = values.length
      ? await client
          .from(definition.table)
          .whereIn(key, values as never[])
          .select(pk, key)
      : []
    const idsByValue = new Map<string, Array<string | number>>()
    for (const row of found) {
      const text = foldKey(row[key])
      idsByValue.set(text, [...(idsByValue.get(text) ?? []), row[pk]])
    }
    const ids = found.map((row) => row[pk])
    const inScope = ids.length
      ? await this.access
          .scoped(definition, client)
          .whereIn(pk, ids as never[])
          .select(pk)
      : []
    const visible = new Set(inScope.map((row) => String(row[pk])))
    for (const { input, value } of keyed) {
      const matches = idsByValue.get(foldKey(value)) ?? []
      if (matches.length === 0) result.fresh.push(input)
      else if (matches.length > 1) {
        result.refused.push({ line: input.line, values: {}, error: ambiguousKey(key, matches) })
      } else if (!visible.has(String(matches[0]))) {
        result.refused.push({ line: input.line, values: {}, error: outOfScope(definition) })
      } else {
        result.matched.push({ id: matches[0], key: value, input })
      }
    }
    return result
  }

  /**
   * The matched rows' `only` fields validated as an update (no database):
   * an empty cell leaves its field as it is; every other column is ignored.
   */
  async validate(
    fields: Fields,
    matched: KeyMatch['matched'],
    only: string[]
  ): Promise<UpdateRow[]> {
    const rows: UpdateRow[] = []
    for (const [index, { id, key, input }] of matched.entries()) {
      if (index > 0 && index % YIELD_EVERY === 0) await yieldToRequests()
      const body = input.body as Row
      const picked = Object.fromEntries(
        only.filter((name) => body[name] !== undefined).map((name) => [name, body[name]])
      )
      try {
        const values = await validatePayload(fields, picked, 'update')
        rows.push({ id, key, values, line: input.line })
      } catch (error) {
        rows.push({ id, key, values: {}, line: input.line, error })
      }
    }
    return rows
  }

  /**
   * Checks the rows in `hook.trx` as each update would (the record read in
   * the row scope, locked on MariaDB) and, unless `write` is false (the
   * validation pass), writes them, runs afterUpdate and records the audit
   * entries. Answers the ids written; refused rows keep their error.
   */
  async update(
    definition: ResourceDefinition,
    fields: Fields,
    rows: UpdateRow[],
    hook: HookContext,
    write: boolean
  ) {
    const pending = rows.filter((row) => !row.error)
    if (pending.length === 0) return []
    const pk = primaryKeyOf(definition)
    const query = this.access
      .scoped(definition, hook.trx)
      .whereIn(pk, pending.map((row) => row.id) as never[])
      .select(this.access.columns(fields))
    if (write && hook.trx.dialect.name === 'mysql') query.forUpdate()
    const stored = await query
    await loadLinks(definition, fields, stored, hook.trx)
    const byId = new Map(stored.map((row) => [String(row[pk]), row as Row]))
    const now = toSqlDateTime(DateTime.utc())
    const accepted: Array<{ row: UpdateRow; beforeRow: Row; changes: Row; links: Links }> = []
    for (const [index, row] of pending.entries()) {
      if (index > 0 && index % YIELD_EVERY === 0) await yieldToRequests()
      const beforeRow = byId.get(String(row.id))
      if (!beforeRow) {
        row.error = outOfScope(definition)
        continue
      }
      try {
        const changes = { ...row.values }
        await this.#check(definition, fields, beforeRow, changes, hook)
        const links = takeLinks(fields, changes)
        const changed = Object.keys(changedFrom(beforeRow, changes)).length > 0
        if (changed && fields.has('updated_at')) changes.updated_at = now
        accepted.push({ row, beforeRow, changes: changed ? changes : {}, links })
      } catch (error) {
        row.error = error
      }
    }
    if (!write) return []
    // Every check passed: the writes, then the after-hooks; a refusal from
    // here on fails the batch (its transaction), which the caller redoes row by row.
    await updateInGroups(
      hook.trx,
      definition.table,
      pk,
      accepted.map(({ row, changes }) => ({ id: row.id, changes }))
    )
    const entries: AuditEntry[] = []
    for (const [index, { row, beforeRow, changes, links }] of accepted.entries()) {
      if (index > 0 && index % YIELD_EVERY === 0) await yieldToRequests()
      const before = this.access.present(fields, beforeRow)
      await replaceLinks(fields, row.id, links, hook.trx)
      const afterRow = { ...beforeRow, ...changes, ...links }
      await definition.hooks?.afterUpdate?.(afterRow, before, hook)
      const diff = changedOnly(before, this.access.present(fields, afterRow))
      if (Object.keys(diff.after).length === 0) continue
      entries.push({
        action: 'update',
        resource: definition.name,
        recordId: String(row.id),
        ...diff,
        ...auditSubjectOf(definition, afterRow),
      })
    }
    if (entries.length > 0) {
      await AuditLog.recordMany(hook.trx, actorFromContext(this.access.ctx), entries)
    }
    return accepted.map(({ row }) => row.id)
  }

  /** What one update checks before writing, on the record as stored. */
  async #check(
    definition: ResourceDefinition,
    fields: Fields,
    beforeRow: Row,
    changes: Row,
    hook: HookContext
  ) {
    const pk = primaryKeyOf(definition)
    for (const field of fields.values()) {
      const value = changes[field.name]
      if (!field.unique || value === undefined || value === null) continue
      const taken = await hook.trx
        .from(definition.table)
        .where(field.name, value as never)
        .whereNot(pk, beforeRow[pk] as never)
        .select(pk)
        .first()
      if (taken) {
        throw fieldInputError(field.name, 'Another record already has this value', 'unique')
      }
    }
    await this.relations.check(
      fields,
      changedFrom(beforeRow, changes),
      hook.trx,
      definition.parent?.field
    )
    await checkLinks(this.access, fields, changes, hook.trx, beforeRow)
    requireConditionalFields(fields, { ...beforeRow, ...changes })
    await definition.hooks?.beforeUpdate?.(changes, this.access.present(fields, beforeRow), hook)
  }
}

/** The key of a row as the record stores it (a resource may normalize it: a phone in E.164). */
async function keyValue(definition: ResourceDefinition, field: FieldDefinition, body: unknown) {
  const raw = (body as Row)[field.name]
  if (raw === undefined || raw === null || raw === '') {
    throw fieldInputError(field.name, 'The key field is empty: the row names no record', 'key')
  }
  const values = await validatePayload(keyOnly(field), { [field.name]: raw }, 'update')
  const value = values[field.name]
  return definition.hooks?.importKey ? definition.hooks.importKey(field.name, value) : value
}

/** Rows per UPDATE statement: two bindings per row and column, far under the databases' limits. */
const ROWS_PER_UPDATE = 500

/**
 * Writes each record's changes with few statements: rows changing the same
 * columns share `UPDATE … SET col = CASE id WHEN … THEN … END … WHERE id IN
 * (…)`, instead of one round trip per record.
 */
async function updateInGroups(
  trx: QueryClientContract,
  table: string,
  pk: string,
  rows: Array<{ id: string | number; changes: Row }>
) {
  const groups = new Map<string, Array<{ id: string | number; changes: Row }>>()
  for (const row of rows) {
    const columns = Object.keys(row.changes).sort()
    if (columns.length === 0) continue
    const key = columns.join('\u0000')
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  for (const [key, group] of groups) {
    const columns = key.split('\u0000')
    for (let start = 0; start < group.length; start += ROWS_PER_UPDATE) {
      const chunk = group.slice(start, start + ROWS_PER_UPDATE)
      const bindings: unknown[] = []
      const sets = columns.map((column) => {
        const cases = chunk.map((row) => {
          bindings.push(row.id, bindable(row.changes[column]))
          return 'when ? then ?'
        })
        return `${quote(column)} = case ${quote(pk)} ${cases.join(' ')} end`
      })
      bindings.push(...chunk.map((row) => row.id))
      const sql = `update ${quote(table)} set ${sets.join(', ')} where ${quote(pk)} in (${chunk.map(() => '?').join(',')})`
      await trx.rawQuery(sql, bindings as never[])
    }
  }
}

/** One field's map per field, so its compiled validation is cached (payload_validator) once. */
const keyMaps = new WeakMap<FieldDefinition, Map<string, FieldDefinition>>()
function keyOnly(field: FieldDefinition) {
  let fields = keyMaps.get(field)
  if (!fields) keyMaps.set(field, (fields = new Map([[field.name, field]])))
  return fields
}

/** Keys compare as the database's collation mostly does: regardless of letter case. */
function foldKey(value: unknown) {
  return String(value).toLowerCase()
}

function ambiguousKey(key: string, ids: Array<string | number>) {
  return fieldInputError(
    key,
    `${ids.length} records have this value: the key must name one record`,
    'ambiguousKey',
    { count: ids.length }
  )
}

function outOfScope(definition: ResourceDefinition) {
  return new TableroError(
    'OUT_OF_SCOPE',
    `You may not update this ${definition.name} record: it is outside what you may see`,
    403
  )
}

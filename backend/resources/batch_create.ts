import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { AuditLog, actorFromContext, toSqlDateTime } from '#services/audit_log'
import { primaryKeyOf } from './resource_registry.ts'
import type {
  BatchRow,
  FieldDefinition,
  HookContext,
  ResourceDefinition,
  WriteOptions,
} from './types.ts'
import { requireConditionalFields, validatePayload } from './payload_validator.ts'
import { TableroError } from '#exceptions/tablero_error'
import { fieldInputError } from './errors.ts'
import type { RelationTargets } from './relation_targets.ts'
import type { ResourceAccess } from './resource_access.ts'
import { bulkInsert } from './bulk_insert.ts'
import { stampValues } from './write_stamp.ts'
import { checkLinks, loadLinks, replaceLinks, takeLinks } from './relation_links.ts'
import { auditSubjectOf } from './record_changes.ts'
import { yieldToRequests } from '#services/request_load'

type Row = Record<string, unknown>

/** Rows validated between two chances for waiting requests to run. */
const YIELD_EVERY = 250
/** Records read back at once for their audit entries (`audit: 'each'`). */
const READ_BACK = 500
/** Lets the requests that queued up meanwhile run (RequestLoad). */
export { yieldToRequests }
type Fields = Map<string, FieldDefinition>

/** One row handed to a batch create: a create's body, and its line in a file. */
export interface BatchInput {
  body: unknown
  line: number
}

/** What a batch create wrote: every row (refused ones with their error), and the new ids. */
export interface BatchResult {
  rows: BatchRow[]
  ids: Array<string | number>
}

/**
 * The batch side of create (imports): the same checks as one create, in
 * the same order, each asked of the database once per batch instead of
 * once per row (a parent's scope, unique values, the resource's
 * beforeCreateMany), then one multi-row INSERT, afterCreateMany, and the
 * audit. A row a check refuses is set aside with its error; the others
 * are written. Values that must not repeat (`distinctInImport`, unique
 * fields) are checked between the batch's rows too, as the database would
 * only see them once written.
 */
export class BatchCreate {
  constructor(
    private access: ResourceAccess,
    private relations: RelationTargets
  ) {}

  /**
   * Each row's body against the fields (no database): done before the
   * batch's transaction opens, so the transaction holds only the database
   * work (on SQLite, the one connection every request waits for).
   * Yields to waiting requests every few hundred rows.
   */
  async validate(fields: Fields, inputs: BatchInput[], options: WriteOptions) {
    const rows: BatchRow[] = []
    for (const [index, input] of inputs.entries()) {
      if (index > 0 && index % YIELD_EVERY === 0) await yieldToRequests()
      try {
        const values = await validatePayload(fields, input.body, 'create')
        stampValues(values, options)
        rows.push({ values, line: input.line })
      } catch (error) {
        rows.push({ values: {}, line: input.line, error })
      }
    }
    return rows
  }

  /** The checks that need the database and the before-hooks, on validated rows. */
  async check(
    definition: ResourceDefinition,
    fields: Fields,
    rows: BatchRow[],
    hook: HookContext
  ): Promise<BatchRow[]> {
    await this.#checkParents(definition, rows, hook.trx)
    await this.#checkUnique(definition, fields, rows, hook.trx)
    await this.relations.prefetch(
      fields,
      rows.filter((row) => !row.error).map((row) => row.values),
      hook.trx,
      definition.parent?.field
    )
    await eachPending(rows, async (row) => {
      await this.relations.check(fields, row.values, hook.trx, definition.parent?.field)
      await checkLinks(this.access, fields, row.values, hook.trx)
      requireConditionalFields(fields, row.values)
    })
    const hooks = definition.hooks
    if (hooks?.beforeCreateMany) {
      const pending = rows.filter((row) => !row.error)
      if (pending.length > 0) await hooks.beforeCreateMany(pending, hook)
    } else if (hooks?.beforeCreate) {
      await eachPending(rows, (row) => hooks.beforeCreate!(row.values, hook))
    }
    refuseRepeats(definition, fields, rows)
    return rows
  }

  /**
   * Checks and writes validated rows in `hook.trx`. `note` goes into the batch's
   * audit entries (the import that wrote it). `audit`: one entry per id range
   * (an import), or one per record as a single create writes it, filed in its
   * subject's log too (a plugin's bulk action), in multi-row inserts.
   */
  async create(
    definition: ResourceDefinition,
    fields: Fields,
    validated: BatchRow[],
    hook: HookContext,
    note: Record<string, unknown>,
    audit: 'range' | 'each' = 'range'
  ): Promise<BatchResult> {
    const rows = await this.check(definition, fields, validated, hook)
    const accepted = rows.filter((row) => !row.error)
    if (accepted.length === 0) return { rows, ids: [] }
    const now = toSqlDateTime(DateTime.utc())
    for (const { values } of accepted) {
      if (fields.has('created_at')) values.created_at = now
      if (fields.has('updated_at')) values.updated_at = now
    }
    // A relations field is link rows, not a column: written once the ids are known.
    const links = accepted.map((row) => takeLinks(fields, row.values))
    const pk = primaryKeyOf(definition)
    const ids = await bulkInsert(
      hook.trx,
      definition.table,
      pk,
      accepted.map((row) => row.values)
    )
    for (const [index, id] of ids.entries()) {
      await replaceLinks(fields, id, links[index], hook.trx)
    }
    const hooks = definition.hooks
    if (hooks?.afterCreateMany) {
      await hooks.afterCreateMany(
        accepted.map((row, index) => ({ ...row.values, [pk]: ids[index] })),
        hook
      )
    } else if (hooks?.afterCreate) {
      const stored = await hook.trx
        .from(definition.table)
        .whereIn(pk, ids as never[])
        .select(this.access.columns(fields))
      const byId = new Map(stored.map((row) => [String(row[pk]), row]))
      for (const id of ids) await hooks.afterCreate(byId.get(String(id))!, hook)
    }
    if (audit === 'each') await this.#auditEach(definition, fields, ids, hook)
    else await this.#audit(definition, ids, hook, note)
    return { rows, ids }
  }

  /**
   * The entry a single create writes, for each record (its stored row as the
   * API shows it, under its subject), read back and written a few hundred at
   * a time.
   */
  async #auditEach(
    definition: ResourceDefinition,
    fields: Fields,
    ids: Array<string | number>,
    hook: HookContext
  ) {
    const actor = actorFromContext(this.access.ctx)
    const pk = primaryKeyOf(definition)
    for (let start = 0; start < ids.length; start += READ_BACK) {
      const stored = await hook.trx
        .from(definition.table)
        .whereIn(pk, ids.slice(start, start + READ_BACK) as never[])
        .orderBy(pk)
        .select(this.access.columns(fields))
      await loadLinks(definition, fields, stored, hook.trx)
      await AuditLog.recordMany(
        hook.trx,
        actor,
        stored.map((row) => ({
          action: 'create',
          resource: definition.name,
          recordId: String(row[pk]),
          after: this.access.present(fields, row),
          ...auditSubjectOf(definition, row),
        }))
      )
    }
  }

  /**
   * One audit entry per run of consecutive ids (a batch is one run unless
   * another write took ids in between), naming the range; a record's
   * history finds the entry whose range holds its id (see
   * AuditLog.forRecord). Ids that are not integers get an entry each.
   */
  async #audit(
    definition: ResourceDefinition,
    ids: Array<string | number>,
    hook: HookContext,
    note: Record<string, unknown>
  ) {
    const actor = actorFromContext(this.access.ctx)
    const action = hook.options.source === 'import' ? 'import' : 'create'
    const runs = idRuns(ids)
    if (!runs) {
      for (const id of ids) {
        await AuditLog.record(hook.trx, actor, {
          action,
          resource: definition.name,
          recordId: id,
          after: note,
        })
      }
      return
    }
    for (const run of runs) {
      await AuditLog.record(hook.trx, actor, {
        action,
        resource: definition.name,
        after: { ...note, from: run.from, to: run.to, rows: run.count },
        range: { from: run.from, to: run.to },
      })
    }
  }

  /** A satellite's rows must name parents the user can see: one query for the batch. */
  async #checkParents(definition: ResourceDefinition, rows: BatchRow[], trx: QueryClientContract) {
    if (!definition.parent) return
    const parent = this.access.registry.getOrFail(definition.parent.resource)
    const field = definition.parent.field
    const wanted = distinctValues(rows, field)
    if (wanted.length === 0) return
    const visible = await this.access
      .scoped(parent, trx)
      .whereIn(primaryKeyOf(parent), wanted as never[])
      .select(primaryKeyOf(parent))
    const seen = new Set(visible.map((row) => String(row[primaryKeyOf(parent)])))
    for (const row of pendingWith(rows, field)) {
      if (!seen.has(String(row.values[field]))) {
        row.error = fieldInputError(field, `No such ${parent.name} record`, 'exists')
      }
    }
  }

  /** Fields marked unique: values another row already has, one query per field. */
  async #checkUnique(
    definition: ResourceDefinition,
    fields: Fields,
    rows: BatchRow[],
    trx: QueryClientContract
  ) {
    for (const field of fields.values()) {
      if (!field.unique) continue
      const wanted = distinctValues(rows, field.name)
      if (wanted.length === 0) continue
      const taken = await trx
        .from(definition.table)
        .whereIn(field.name, wanted as never[])
        .select(field.name)
      const takenValues = new Set(taken.map((row) => String(row[field.name])))
      for (const row of pendingWith(rows, field.name)) {
        if (takenValues.has(String(row.values[field.name]))) {
          row.error = fieldInputError(field.name, 'Another record already has this value', 'unique')
        }
      }
    }
  }
}

/**
 * A value of a `distinctInImport` or unique field that an earlier row of
 * the batch has: the later row is refused, naming the earlier line.
 */
function refuseRepeats(definition: ResourceDefinition, fields: Fields, rows: BatchRow[]) {
  const names = new Set(definition.distinctInImport ?? [])
  for (const field of fields.values()) if (field.unique) names.add(field.name)
  const distinct = [...names].filter((name) => fields.has(name))
  if (distinct.length === 0) return
  const firstLine = new Map<string, number>()
  for (const row of rows) {
    if (row.error) continue
    const keys: string[] = []
    const repeats: Array<{ field: string; message: string; rule: string; meta: { line: number } }> =
      []
    for (const name of distinct) {
      const value = row.values[name]
      if (value === null || value === undefined || value === '') continue
      const key = `${name}\u0000${String(value)}`
      const first = firstLine.get(key)
      if (first === undefined) keys.push(key)
      else {
        const message = `Repeats line ${first} of this file`
        repeats.push({ field: name, message, rule: 'repeatedInFile', meta: { line: first } })
      }
    }
    // A refused row will not be written: its other values stay free.
    if (repeats.length === 0) for (const key of keys) firstLine.set(key, row.line)
    else {
      const message = repeats.map((repeat) => `${repeat.field}: ${repeat.message}`).join('; ')
      row.error = new TableroError('INVALID_INPUT', message, 422, repeats)
    }
  }
}

async function eachPending(rows: BatchRow[], check: (row: BatchRow) => unknown) {
  for (const row of rows) {
    if (row.error) continue
    try {
      await check(row)
    } catch (error) {
      row.error = error
    }
  }
}

function pendingWith(rows: BatchRow[], field: string) {
  return rows.filter((row) => {
    const value = row.values[field]
    return !row.error && value !== undefined && value !== null
  })
}

function distinctValues(rows: BatchRow[], field: string) {
  return [...new Set(pendingWith(rows, field).map((row) => row.values[field]))]
}

/** Runs of consecutive integer ids, in order: the ranges a batch's audit entries name. */
export function idRuns(ids: Array<string | number>) {
  const numbers = ids.map(Number)
  if (!numbers.every(Number.isSafeInteger)) return null
  const sorted = [...numbers].sort((a, b) => a - b)
  const runs: Array<{ from: number; to: number; count: number }> = []
  for (const id of sorted) {
    const last = runs.at(-1)
    if (last && id === last.to + 1) {
      last.to = id
      last.count += 1
    } else {
      runs.push({ from: id, to: id, count: 1 })
    }
  }
  return runs
}

export type { Row }

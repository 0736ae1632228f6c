import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { AuditLog, actorFromContext, toSqlDateTime } from '#services/audit_log'
import { ListenedEvents } from '#services/listened_events'
import { ARCHIVED_AT, primaryKeyOf } from './resource_registry.ts'
import type {
  BatchRow,
  FieldDefinition,
  HookContext,
  PreparedUndo,
  ResourceDefinition,
  WriteOptions,
} from './types.ts'
import { requireConditionalFields, validatePayload } from './payload_validator.ts'
import { fieldInputError, importNotSupported, notFound } from './errors.ts'
import { RelationTargets } from './relation_targets.ts'
import { RecordKeepers } from './record_keepers.ts'
import { stampValues } from './write_stamp.ts'
import type { ResourceAccess } from './resource_access.ts'
import {
  checkLinks,
  dropLinks,
  linksOf,
  loadLinks,
  replaceLinks,
  takeLinks,
  type Links,
} from './relation_links.ts'
import { BatchCreate, type BatchInput } from './batch_create.ts'
import { BatchUpdate, type KeyMatch, type UpdateRow } from './batch_update.ts'
import { auditSubjectOf, changedFrom, changedOnly } from './record_changes.ts'

const MAX_BULK_IDS = 500

export interface ResourceWriteEvent {
  resource: string
  id: string | number
  plugin?: string
  /** a resource with relations fields: each one's linked ids (after the write; a delete: before) */
  links?: Links
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'resource.created': ResourceWriteEvent
    'resource.updated': ResourceWriteEvent
    'resource.deleted': ResourceWriteEvent
  }
}

type WriteEvent = 'resource.created' | 'resource.updated' | 'resource.deleted'
type Row = Record<string, unknown>
type Fields = Map<string, FieldDefinition>

/**
 * Announced only when someone listens: no dispatch cost on every write
 * otherwise. Made on first use: the emitter service exists once the app
 * has booted, after this module is loaded.
 */
let listened: ListenedEvents<any> | null = null
const events = () => (listened ??= new ListenedEvents(emitter))

const API_WRITE: WriteOptions = { source: 'api' }

/**
 * The write side of the engine. Every write (create, update, delete, bulk,
 * archive/restore, a row of an import) goes through the same steps, always
 * in this order:
 *
 * 1. validate: the payload against the field metadata (one rule per type);
 * 2. authorize: role × permission (`registry.can`), then the row scope
 *    (the record, and for a satellite its parent, must be visible);
 * 3. hooks: the resource's before-hooks with explicit options, never the
 *    HttpContext (a create's `prepare` first, outside the transaction, its
 *    undo called if the transaction fails);
 * 4. write, then the after-hooks, in the transaction;
 * 5. audit, in the same transaction;
 * 6. events (`resource.created|updated|deleted`) after the commit.
 *
 * (The permission is checked before the payload is read, so a role that
 * may not write learns nothing about the fields; the row scope, which
 * needs the database, comes after validation.)
 */
export class ResourceCommands {
  #relations: RelationTargets

  constructor(private access: ResourceAccess) {
    this.#relations = new RelationTargets(access.registry)
  }

  async create(name: string, body: unknown, options: WriteOptions = API_WRITE) {
    const { definition, fields } = options.permission
      ? this.access.authorizeBy(name, options.permission, 'create')
      : this.access.authorize(name, 'create')
    const values = await validatePayload(fields, body, 'create')
    const undo = await definition.hooks?.prepare?.(
      { action: 'create', values },
      { user: this.access.user, client: db.connection(), options }
    )
    try {
      const row = await inTransaction(options, (trx) =>
        this.#insert(definition, fields, values, trx, options)
      )
      return { data: row }
    } catch (error) {
      if (undo) await undoPrepared(undo, definition)
      throw error
    }
  }

  /**
   * Many creates of one resource as one batch (a plugin's bulk action: a
   * toggle per client): what `create` checks of each row (validation, the
   * permission or `options.permission`, the row scope, the hooks, with
   * `beforeCreateMany` / `afterCreateMany` when the resource has them),
   * asked of the database once per batch (BatchCreate), one multi-row
   * INSERT, and one audit entry per record as `create` writes it (in its
   * subject's log too), in `options.trx` or a transaction of its own. All
   * or nothing: a refused row refuses the batch with its error. Answers the
   * new ids in the bodies' order; events follow the commit.
   */
  async createMany(name: string, bodies: unknown[], options: WriteOptions = API_WRITE) {
    const { definition, fields } = options.permission
      ? this.access.authorizeBy(name, options.permission, 'create')
      : this.access.authorize(name, 'create')
    // A prepared write (DDL) cannot be undone for a batch: such a resource is created one by one.
    if (definition.hooks?.prepare) throw importNotSupported(name)
    if (bodies.length === 0) return []
    const batch = new BatchCreate(this.access, this.#relations)
    const rows = await batch.validate(
      fields,
      bodies.map((body, index) => ({ body, line: index + 1 })),
      options
    )
    const invalid = rows.find((row) => row.error)
    if (invalid) throw invalid.error
    return inTransaction(options, async (trx) => {
      const hook = this.#hook(trx, options)
      const result = await batch.create(definition, fields, rows, hook, {}, 'each')
      const refused = result.rows.find((row) => row.error)
      if (refused) throw refused.error
      for (const id of result.ids) {
        this.#afterCommit(trx, 'resource.created', definition, id, undefined)
      }
      return result.ids
    })
  }

  /**
   * The resource a CSV import writes to: it takes both `import` and
   * `create`, since every row of the file is a create.
   */
  importable(name: string) {
    this.access.authorize(name, 'import')
    const resource = this.access.authorize(name, 'create')
    if (resource.definition.hooks?.prepare) throw importNotSupported(name)
    return resource
  }

  /**
   * What a CSV import of `name` writes with, authorized once for the whole
   * file (`import` and `create`), its fields fixed for the file, with the
   * import's own options (never a request's):
   * - `check`: everything `create` checks, without writing. The
   *   beforeCreate hook runs too (it holds rules such as duplicate
   *   detection) in the caller's transaction, which the caller rolls back.
   *   Answers the values `create` would write.
   * - `create`: `create` inside the caller's transaction, so a batch of
   *   rows, with their hooks and audit entries, is one transaction; its
   *   events follow that transaction's commit.
   */
  importer(
    name: string,
    options: WriteOptions = { source: 'import' },
    mode: 'create' | 'update' = 'create'
  ) {
    const { definition, fields } = this.importable(name)
    // Update mode changes records: the role must also update them.
    if (mode === 'update') this.access.authorize(name, 'update')
    const batch = new BatchCreate(this.access, this.#relations)
    const updates = new BatchUpdate(this.access, this.#relations)
    return {
      definition,
      fields,
      /**
       * A batch's bodies validated against the fields, with no database
       * and no transaction (BatchCreate.validate): each row's values, or
       * the error that refuses it. Then, in a transaction:
       */
      validateMany: (inputs: BatchInput[]) => batch.validate(fields, inputs, options),
      /**
       * `check` for validated rows: the database asked once per batch
       * (BatchCreate), refused rows set aside with their errors.
       */
      checkMany: (rows: BatchRow[], trx: QueryClientContract) =>
        batch.check(definition, fields, rows, this.#hook(trx, options)),
      /**
       * Writes the rows the checks accept in one multi-row insert in
       * `trx`, with the batch hooks and one audit entry per id range
       * (`note` says what wrote them); refused rows come back with their
       * errors. Events follow `trx`'s commit.
       */
      createMany: async (
        rows: BatchRow[],
        trx: QueryClientContract,
        note: Record<string, unknown> = {}
      ) => {
        const result = await batch.create(definition, fields, rows, this.#hook(trx, options), note)
        for (const id of result.ids) {
          this.#afterCommit(trx, 'resource.created', definition, id, undefined)
        }
        return result
      },
      /**
       * Update mode: the records the rows' `key` names, one query per
       * batch, in the user's row scope (BatchUpdate.match).
       */
      matchMany: (key: string, inputs: BatchInput[], client: QueryClientContract) =>
        updates.match(definition, fields, key, inputs, client),
      /** The matched rows' `only` fields validated as updates, no database. */
      validateUpdates: (matched: KeyMatch['matched'], only: string[]) =>
        updates.validate(fields, matched, only),
      /** What `updateMany` checks, without writing (the validation pass). */
      checkUpdates: (rows: UpdateRow[], trx: QueryClientContract) =>
        updates.update(definition, fields, rows, this.#hook(trx, options), false),
      /**
       * Updates the matched records in `trx`, each through the update's
       * checks and hooks, with one audit entry per changed record; answers
       * the ids written. Events follow `trx`'s commit.
       */
      updateMany: async (rows: UpdateRow[], trx: QueryClientContract) => {
        const ids = await updates.update(definition, fields, rows, this.#hook(trx, options), true)
        for (const id of ids) this.#afterCommit(trx, 'resource.updated', definition, id, undefined)
        return ids
      },
      check: async (body: unknown, trx: QueryClientContract) => {
        const values = stampValues(await validatePayload(fields, body, 'create'), options)
        await this.#beforeInsert(definition, fields, values, this.#hook(trx, options))
        return values
      },
      create: async (body: unknown, trx: QueryClientContract) =>
        this.#insert(
          definition,
          fields,
          await validatePayload(fields, body, 'create'),
          trx,
          options
        ),
    }
  }

  async update(name: string, rawId: unknown, body: unknown, options: WriteOptions = API_WRITE) {
    const { definition, fields } = options.permission
      ? this.access.authorizeBy(name, options.permission, 'update')
      : this.access.authorize(name, 'update')
    const values = await validatePayload(fields, body, 'update')
    const row = await inTransaction(options, (trx) =>
      this.#updateOne(definition, fields, rawId, values, trx, options)
    )
    return { data: row }
  }

  async destroy(name: string, rawId: unknown, options: WriteOptions = API_WRITE) {
    const { definition, fields } = this.access.authorize(name, 'delete')
    await inTransaction(options, (trx) => this.#deleteOne(definition, fields, rawId, trx, options))
  }

  /**
   * Archives (or restores) a record of an archivable resource: an update
   * like any other (same permission, row scope, hooks, audit and event),
   * told apart in the history as `archive` / `restore`. Doing it twice
   * changes nothing.
   */
  async setArchived(
    name: string,
    rawId: unknown,
    archived: boolean,
    options: WriteOptions = API_WRITE
  ) {
    const { definition, fields } = this.access.authorize(name, 'update')
    if (!definition.archivable) throw notFound(definition.name)
    const changes = { [ARCHIVED_AT]: archived ? toSqlDateTime(DateTime.utc()) : null }
    const row = await db.transaction(async (trx) =>
      this.#updateOne(definition, fields, rawId, changes, trx, options, {
        action: archived ? 'archive' : 'restore',
        unlessAlready: (before) => Boolean(before[ARCHIVED_AT]) === archived,
      })
    )
    return { data: row }
  }

  /**
   * Applies the same change to several records, all or nothing: an id the
   * user cannot see fails the whole request with 404.
   */
  async bulkUpdate(name: string, body: unknown, options: WriteOptions = API_WRITE) {
    const { definition, fields } = this.access.authorize(name, 'update')
    const { ids, values: raw } = bulkBody(body, true)
    const values = await validatePayload(fields, raw, 'update')
    if (Object.keys(values).length === 0) throw fieldInputError('values', 'Nothing to change')
    await db.transaction(async (trx) => {
      for (const id of ids) {
        await this.#updateOne(definition, fields, id, { ...values }, trx, options)
      }
    })
    return { data: { affected: ids.length } }
  }

  async bulkDelete(name: string, body: unknown, options: WriteOptions = API_WRITE) {
    const { definition, fields } = this.access.authorize(name, 'delete')
    const { ids } = bulkBody(body, false)
    await db.transaction(async (trx) => {
      for (const id of ids) await this.#deleteOne(definition, fields, id, trx, options)
    })
    return { data: { affected: ids.length } }
  }

  #hook(trx: QueryClientContract, options: WriteOptions): HookContext {
    return {
      user: this.access.user,
      trx,
      options,
      readableIds: (resource, ids) => this.access.readableIds(resource, ids, trx),
    }
  }

  /** Row scope of a new row: a satellite must name a parent the user can see. */
  async #checkParent(definition: ResourceDefinition, values: Row, client: QueryClientContract) {
    if (!definition.parent || values[definition.parent.field] === undefined) return
    const parent = this.access.registry.getOrFail(definition.parent.resource)
    const field = definition.parent.field
    const visible = await this.access
      .scoped(parent, client)
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
    fields: Fields,
    values: Row,
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

  /** Authorize (row scope), the checks that need the database, then the before-hook. */
  async #beforeInsert(
    definition: ResourceDefinition,
    fields: Fields,
    values: Row,
    hook: HookContext
  ) {
    await this.#checkParent(definition, values, hook.trx)
    await this.#checkUnique(definition, fields, values, null, hook.trx)
    await this.#relations.check(fields, values, hook.trx, definition.parent?.field)
    await checkLinks(this.access, fields, values, hook.trx)
    requireConditionalFields(fields, values)
    await definition.hooks?.beforeCreate?.(values, hook)
  }

  async #insert(
    definition: ResourceDefinition,
    fields: Fields,
    values: Row,
    trx: QueryClientContract,
    options: WriteOptions
  ) {
    const hook = this.#hook(trx, options)
    stampValues(values, options)
    await this.#beforeInsert(definition, fields, values, hook)
    const now = toSqlDateTime(DateTime.utc())
    if (fields.has('created_at')) values.created_at = now
    if (fields.has('updated_at')) values.updated_at = now
    const links = takeLinks(fields, values)
    const [insertedId] = await trx.insertQuery().table(definition.table).insert(values)
    const id = values[primaryKeyOf(definition)] ?? insertedId
    await replaceLinks(fields, id, links, trx)
    const stored = await trx
      .from(definition.table)
      .where(primaryKeyOf(definition), id as never)
      .select(this.access.columns(fields))
      .firstOrFail()
    await loadLinks(definition, fields, [stored], trx)
    await definition.hooks?.afterCreate?.(stored, hook)
    const presented = this.access.present(fields, stored)
    await AuditLog.record(trx, actorFromContext(this.access.ctx), {
      action: 'create',
      resource: definition.name,
      recordId: String(id),
      after: presented,
      ...auditSubjectOf(definition, stored),
    })
    this.#afterCommit(
      trx,
      'resource.created',
      definition,
      id as string | number,
      linksOf(fields, presented)
    )
    return presented
  }

  /**
   * One update: the row in scope (locked on MariaDB), the checks, the
   * before-hook, the write, the after-hook, the audit entry and the event.
   * `as` names an archive/restore in the history, and skips a change that
   * is already so.
   */
  async #updateOne(
    definition: ResourceDefinition,
    fields: Fields,
    rawId: unknown,
    values: Row,
    trx: QueryClientContract,
    options: WriteOptions,
    as?: { action: 'archive' | 'restore'; unlessAlready: (row: Row) => boolean }
  ) {
    const beforeRow = await this.access.findRow(definition, fields, rawId, trx)
    await loadLinks(definition, fields, [beforeRow], trx)
    const before = this.access.present(fields, beforeRow)
    if (as?.unlessAlready(beforeRow)) return before
    const changes = { ...values }
    await this.#checkParent(definition, changes, trx)
    const pk = primaryKeyOf(definition)
    await this.#checkUnique(definition, fields, changes, beforeRow[pk], trx)
    await this.#relations.check(
      fields,
      changedFrom(beforeRow, changes),
      trx,
      definition.parent?.field
    )
    await checkLinks(this.access, fields, changes, trx, beforeRow)
    requireConditionalFields(fields, { ...beforeRow, ...changes })
    const hook = this.#hook(trx, options)
    await definition.hooks?.beforeUpdate?.(changes, before, hook)
    if (fields.has('updated_at')) changes.updated_at = toSqlDateTime(DateTime.utc())
    const links = takeLinks(fields, changes)
    if (Object.keys(changes).length > 0) {
      await trx
        .from(definition.table)
        .where(pk, beforeRow[pk] as never)
        .update(changes)
    }
    await replaceLinks(fields, beforeRow[pk], links, trx)
    await definition.hooks?.afterUpdate?.({ ...beforeRow, ...changes, ...links }, before, hook)
    const afterRow = await trx
      .from(definition.table)
      .where(pk, beforeRow[pk] as never)
      .select(this.access.columns(fields))
      .firstOrFail()
    await loadLinks(definition, fields, [afterRow], trx)
    const after = this.access.present(fields, afterRow)
    await AuditLog.record(trx, actorFromContext(this.access.ctx), {
      action: as?.action ?? 'update',
      resource: definition.name,
      recordId: String(beforeRow[pk]),
      ...changedOnly(before, after),
      ...auditSubjectOf(definition, afterRow),
    })
    this.#afterCommit(
      trx,
      'resource.updated',
      definition,
      beforeRow[pk] as string | number,
      linksOf(fields, after)
    )
    return after
  }

  async #deleteOne(
    definition: ResourceDefinition,
    fields: Fields,
    rawId: unknown,
    trx: QueryClientContract,
    options: WriteOptions
  ) {
    const row = await this.access.findRow(definition, fields, rawId, trx)
    await loadLinks(definition, fields, [row], trx)
    const pk = primaryKeyOf(definition)
    await new RecordKeepers(this.access.registry).refuseIfKept(definition, row[pk], trx)
    await definition.hooks?.beforeDelete?.(row, this.#hook(trx, options))
    await dropLinks(fields, row[pk], trx)
    await trx
      .from(definition.table)
      .where(pk, row[pk] as never)
      .delete()
    const before = this.access.present(fields, row)
    await AuditLog.record(trx, actorFromContext(this.access.ctx), {
      action: 'delete',
      resource: definition.name,
      recordId: String(row[pk]),
      before,
      ...auditSubjectOf(definition, row),
    })
    this.#afterCommit(
      trx,
      'resource.deleted',
      definition,
      row[pk] as string | number,
      linksOf(fields, before)
    )
  }

  /**
   * Announces a write once its transaction commits (never for one rolled
   * back, such as an import's validation pass), and only when someone
   * listens.
   */
  #afterCommit(
    trx: QueryClientContract,
    event: WriteEvent,
    definition: ResourceDefinition,
    id: string | number,
    links: Links | undefined
  ) {
    if (!trx.isTransaction || !events().hasListeners(event)) return
    const payload: ResourceWriteEvent = { resource: definition.name, id }
    if (definition.plugin) payload.plugin = definition.plugin
    if (links) payload.links = links
    ;(trx as TransactionClientContract).after('commit', () => {
      events()
        .emit(event, payload)
        .catch(() => {})
    })
  }
}

/**
 * The write failed after `prepare` did its part: undo it. A failing undo is
 * logged (someone must clean up by hand) and the write's own error stands.
 */
async function undoPrepared(undo: PreparedUndo, definition: ResourceDefinition) {
  try {
    await undo()
  } catch (failure) {
    logger.error(
      { err: failure, resource: definition.name },
      'could not undo the prepared part of a failed write'
    )
  }
}

/**
 * Runs a write in the caller's transaction (WriteOptions.trx), which
 * commits or rolls back with the caller's other work, or in its own.
 */
function inTransaction<T>(
  options: WriteOptions,
  work: (trx: TransactionClientContract) => Promise<T>
) {
  return options.trx ? work(options.trx) : db.transaction(work)
}

function bulkBody(body: unknown, withValues: boolean) {
  const record = (body && typeof body === 'object' ? body : {}) as Row
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

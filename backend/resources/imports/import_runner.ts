import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { TableroError } from '#exceptions/tablero_error'
import type { ResourceService } from '../resource_service.ts'
import type { BatchRow } from '../types.ts'
import { yieldToRequests } from '../batch_create.ts'
import { CsvFormatError } from '../csv_records.ts'
import { openImportFile, type ImportRow } from './import_file.ts'
import { rowErrorsOf, type RowError } from './import_errors.ts'
import { ImportJobs, now, type ImportJobRow, type ImportStatus } from './import_jobs.ts'
import { ImportProgress, ImportStopped } from './import_progress.ts'
import { RepeatsInFile } from './repeats_in_file.ts'
import { modeOf } from './import_mode.ts'
import { RejectedLines } from './rejected_lines.ts'
import { discardFiles } from './import_jobs.ts'
import type { UpdateRow } from '../batch_update.ts'
import { Bases } from '#services/bases/bases'
import type { WriteOptions } from '../types.ts'

/** Rows per batch, when validating and when importing (on MariaDB one transaction each). */
export const BATCH_SIZE = 1_000
/**
 * Rows per transaction when importing into SQLite: its one connection is
 * every request's while a transaction holds it, and a batch of 1,000 rows
 * into a large table held it for hundreds of milliseconds.
 */
export const SQLITE_BATCH_SIZE = 100

/** The rows one import transaction writes on the default connection. */
export function importBatchSize() {
  return db.connection().dialect.name === 'better-sqlite3' ? SQLITE_BATCH_SIZE : BATCH_SIZE
}

/**
 * Runs an import job in the background, outside the request that started
 * it, as the user of that request: first the validation pass (every row
 * through what `create` checks, nothing written), then, once confirmed,
 * the import in batches of BATCH_SIZE rows, each batch one transaction
 * through the engine's `createMany` (the checks asked once per batch, one
 * multi-row insert, the batch hooks, one audit entry for the batch's id
 * range) and the job's counters. A row refused at import time is recorded
 * with its errors; a batch the database refuses is rolled back and redone
 * row by row, so each failing row is recorded and no other row is lost.
 * The file is streamed: memory holds one batch, plus what RepeatsInFile
 * keeps to find repeats across the file.
 */
export class ImportRunner {
  private constructor(
    private service: ResourceService,
    private job: ImportJobRow
  ) {}

  static validate(service: ResourceService, job: ImportJobRow) {
    const runner = new ImportRunner(service, job)
    return runner.#run('validating', () => runner.#validate())
  }

  static import(service: ResourceService, job: ImportJobRow) {
    const runner = new ImportRunner(service, job)
    return runner.#run('importing', () => runner.#import())
  }

  /** An unexpected error ends the job `failed`, with its message kept. */
  async #run(status: ImportStatus, work: () => Promise<void>) {
    try {
      this.#options = await Bases.importOptions(this.job.base_id)
      await work()
    } catch (error) {
      if (error instanceof ImportStopped) return
      logger.error({ err: error, importId: this.job.id }, 'resource import failed')
      const message = error instanceof Error ? error.message : String(error)
      const moved = await ImportJobs.transition(db.connection(), this.job.id, [status], 'failed', {
        message: message.slice(0, 2000),
        finished_at: now(),
      }).catch((failure) => logger.error({ err: failure }, 'could not mark the import failed'))
      if (moved) await this.#discardFile()
    }
  }

  #writer: ReturnType<ResourceService['importer']> | null = null
  /** The import's write options: a base's stamp on every row (Bases.importOptions). */
  #options: WriteOptions = { source: 'import' }
  /** Create, or update by key (issue 14). */
  get #mode() {
    return modeOf(this.job)
  }

  /** Authorized once per run, inside #run: a refusal ends the job failed. */
  get #importer() {
    return (this.#writer ??= this.service.importer(
      this.job.resource,
      this.#options,
      this.#mode.mode
    ))
  }

  get #fields() {
    return this.#importer.fields
  }

  /** The job's column mapping, and the registry that resolves related records' names. */
  get #reading() {
    return { mapping: this.job.column_mapping, registry: this.service.registry }
  }

  async #validate() {
    const progress = new ImportProgress(this.job, 'validated_rows')
    const { definition, fields } = this.#importer
    // A key repeated inside the file would update one record twice.
    const keys = this.#mode.keyField ? [this.#mode.keyField] : []
    const repeats = new RepeatsInFile(definition, fields, keys)
    const rejected = new RejectedLines()
    let file
    try {
      file = await openImportFile(this.job.file_key, this.#fields, this.job.encoding, this.#reading)
    } catch (error) {
      // The fields changed since the upload: the header no longer fits.
      const errors = rowErrorsOf(error, 1)
      if (!errors) throw error
      ;(await progress.save(db.connection(), { rows: 0, errors }))()
      return this.#finishValidation(progress, rejected)
    }
    let batch: ImportRow[] = []
    const late: RowError[] = []
    try {
      for await (const row of file.rows) {
        batch.push(row)
        if (batch.length < BATCH_SIZE) continue
        await this.#checkBatch(progress, batch, [], repeats, rejected)
        batch = []
      }
    } catch (error) {
      if (!(error instanceof CsvFormatError)) throw error
      late.push({ line: error.line, field: null, message: error.message, rule: error.rule })
    }
    if (progress.rows + batch.length === 0 && late.length === 0) {
      late.push({ line: 2, field: null, message: 'The CSV has no rows', code: 'CSV_EMPTY' })
    }
    await this.#checkBatch(progress, batch, late, repeats, rejected)
    await this.#finishValidation(progress, rejected)
  }

  async #checkBatch(
    progress: ImportProgress,
    batch: ImportRow[],
    late: RowError[],
    repeats: RepeatsInFile,
    rejected: RejectedLines
  ) {
    const errors: RowError[] = []
    let matched = 0
    if (batch.length > 0) {
      const inputs = this.#inputs(batch, errors)
      const { updates, creates, refused } = await this.#split(inputs, db.connection())
      const validated = await this.#importer.validateMany(creates)
      // Hooks see the rows in a transaction that is always rolled back.
      const trx = await db.transaction()
      let checked
      try {
        checked = await this.#importer.checkMany(validated, trx)
        await this.#importer.checkUpdates(updates, trx)
      } finally {
        await trx.rollback()
      }
      const key = this.#mode.keyField
      const rows = [...refused, ...checked, ...updates].sort((a, b) => a.line - b.line)
      for (const row of rows) {
        if (row.error) {
          errors.push(...refusal(row.error, row.line))
          continue
        }
        // An update's values lack its key (never changed): the key it matched by.
        const values = key && 'key' in row ? { ...row.values, [key]: row.key } : row.values
        const repeated = repeats.check(values, row.line)
        errors.push(...repeated)
        if (repeated.length === 0 && 'id' in row) matched += 1
      }
    }
    errors.sort((a, b) => a.line - b.line)
    const all = [...errors, ...late]
    const before = rejected.size
    for (const error of all) rejected.add(error.line)
    ;(
      await progress.save(db.connection(), {
        rows: batch.length,
        matched,
        rejected: rejected.size - before,
        errors: all,
      })
    )()
    await yieldToRequests()
  }

  /**
   * Update mode: the rows whose key names a record become updates of the
   * chosen fields (validated, not checked yet), the others creates; a row
   * the key refuses (empty, ambiguous, out of the user's scope) is an
   * error of its line. Create mode: every row is a create.
   */
  async #split(
    inputs: Array<{ body: Record<string, unknown>; line: number }>,
    client: QueryClientContract
  ) {
    const { keyField, updateFields } = this.#mode
    if (!keyField) return { updates: [] as UpdateRow[], creates: inputs, refused: [] }
    const match = await this.#importer.matchMany(keyField, inputs, client)
    const updates = await this.#importer.validateUpdates(match.matched, updateFields)
    return { updates, creates: match.fresh, refused: match.refused }
  }

  /** The rows of a batch as creates; a row with cells past the header is refused here. */
  #inputs(batch: ImportRow[], errors: RowError[]) {
    const inputs = []
    for (const row of batch) {
      if (row.errors.length > 0) errors.push(...row.errors)
      else if (row.extraCells) errors.push(...refusal(extraCells(), row.line))
      else inputs.push({ body: row.body, line: row.line })
    }
    return inputs
  }

  /**
   * A file with errors is kept, with its rejected lines, so its valid rows
   * can still be imported (partial import) and its invalid ones downloaded.
   */
  async #finishValidation(progress: ImportProgress, rejected: RejectedLines) {
    const invalid = progress.errorCount > 0
    const status = invalid ? 'invalid' : 'ready'
    if (invalid) await rejected.save(this.job.file_key)
    const moved = await ImportJobs.transition(
      db.connection(),
      this.job.id,
      ['validating'],
      status,
      {
        total_rows: progress.rows,
        finished_at: invalid ? now() : null,
      }
    )
    if (!moved && invalid) await RejectedLines.discard(this.job.file_key)
  }

  /** Imports the rows after `processed_rows`: a resumed job goes on where it stopped. */
  async #import() {
    const progress = new ImportProgress(this.job, 'processed_rows')
    const done = progress.rows
    const file = await openImportFile(
      this.job.file_key,
      this.#fields,
      this.job.encoding,
      this.#reading
    )
    // Confirmed with invalid rows: exactly the rows the validation refused are left out.
    const partial = Boolean(Number(this.job.skip_invalid))
    this.#skipped = partial ? await RejectedLines.load(this.job.file_key) : new RejectedLines()
    let seen = 0
    let batch: ImportRow[] = []
    const size = importBatchSize()
    try {
      for await (const row of file.rows) {
        seen += 1
        if (seen <= done) continue
        batch.push(row)
        if (batch.length < size) continue
        await this.#importBatch(progress, batch)
        batch = []
      }
    } catch (error) {
      // A file unreadable past a line: that line was refused, and nothing after it was validated.
      if (!(partial && error instanceof CsvFormatError)) throw error
    }
    await this.#importBatch(progress, batch)
    // The rejected rows stay downloadable for a while (see expireIdle).
    const keep = progress.errorCount > 0
    const moved = await ImportJobs.transition(db.connection(), this.job.id, ['importing'], 'done', {
      finished_at: now(),
      file_kept: keep ? 1 : 0,
    })
    if (moved) await Bases.settleRows(this.job.base_id, progress.created)
    if (moved && !keep) await this.#discardFile()
  }

  /** The lines a partial import leaves out. */
  #skipped = new RejectedLines()

  async #importBatch(progress: ImportProgress, batch: ImportRow[]) {
    if (batch.length === 0) return
    try {
      const errors: RowError[] = []
      const rows = batch.filter((row) => !this.#skipped.has(row.line))
      // Matched and validated before the transaction opens, so it holds only
      // the writes; each update reads its record again in it, in the row scope.
      const split = await this.#split(this.#inputs(rows, errors), db.connection())
      for (const row of split.refused) errors.push(...refusal(row.error, row.line))
      const validated = await this.#importer.validateMany(split.creates)
      const apply = await db.transaction((trx) =>
        this.#writeBatch(progress, batch.length, validated, split.updates, errors, trx)
      )
      apply()
    } catch (error) {
      if (error instanceof ImportStopped) throw error
      if (batch.length === 1) return this.#recordFailure(progress, batch[0], error)
      logger.warn({ err: error, importId: this.job.id }, 'import batch refused: row by row')
      // The database refused the batch (a constraint no check foresaw):
      // row by row, so only the failing rows are left out.
      for (const row of batch) await this.#importBatch(progress, [row])
    }
    await yieldToRequests()
  }

  /**
   * One batch in `trx`: the updates of matched records, then the creates;
   * the rows the checks accept are written, the others counted with their
   * errors.
   */
  async #writeBatch(
    progress: ImportProgress,
    size: number,
    validated: BatchRow[],
    updates: UpdateRow[],
    errors: RowError[],
    trx: QueryClientContract
  ) {
    const updated = await this.#importer.updateMany(updates, trx)
    for (const row of updates) if (row.error) errors.push(...refusal(row.error, row.line))
    const { rows, ids } = await this.#importer.createMany(validated, trx, {
      import: this.job.id,
      filename: this.job.filename,
      // The stamp (a base's id and campaign): each record's history says where it came from.
      ...this.#options.stamp,
    })
    for (const row of rows) if (row.error) errors.push(...refusal(row.error, row.line))
    errors.sort((a, b) => a.line - b.line)
    return progress.save(trx, {
      rows: size,
      created: ids.length,
      updated: updated.length,
      errors,
    })
  }

  async #recordFailure(progress: ImportProgress, row: ImportRow, error: unknown) {
    const errors = rowErrorsOf(error, row.line)
    if (!errors) throw error
    ;(await progress.save(db.connection(), { rows: 1, errors }))()
  }

  async #discardFile() {
    await discardFiles(this.job.file_key)
  }
}

/** A refused row's errors; a server-side failure (5xx) stops the import instead. */
function refusal(error: unknown, line: number): RowError[] {
  const errors = rowErrorsOf(error, line)
  if (!errors) throw error
  return errors
}

function extraCells() {
  return new TableroError(
    'CSV_EXTRA_CELLS',
    'This row has more cells than the header has columns',
    422
  )
}

import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ERRORS_KEPT, ImportJobs, affected, now, type ImportJobRow } from './import_jobs.ts'
import type { RowError } from './import_errors.ts'

/** Another request or process moved the job (a restart's sweep, a second start): stop. */
export class ImportStopped extends Error {}

type Counter = 'validated_rows' | 'processed_rows'

/**
 * A running job's counters and kept errors. Every save names the counter
 * value it started from and the status it runs in, so it fails (and its
 * transaction with it) when anyone else moved the job: two runners can
 * never write the same rows twice. The in-memory copy changes only once
 * the caller's transaction committed (`apply`).
 */
export class ImportProgress {
  rows: number
  created: number
  /** update mode: rows that matched a record (validation), records updated (import) */
  matched: number
  updated: number
  /** rows (not errors) the validation refused */
  rejected: number
  errorCount: number
  errors: RowError[]

  constructor(
    readonly job: ImportJobRow,
    readonly counter: Counter
  ) {
    this.rows = Number(job[counter])
    this.created = Number(job.created_rows)
    this.matched = Number(job.matched_rows ?? 0)
    this.updated = Number(job.updated_rows ?? 0)
    this.rejected = Number(job.rejected_rows ?? 0)
    this.errorCount = Number(job.error_count)
    this.errors = ImportJobs.errors(job)
  }

  get status() {
    return this.counter === 'validated_rows' ? 'validating' : 'importing'
  }

  /**
   * Counts `rows` more rows (`created` of them written, `updated` records
   * changed, `matched` found by key, `rejected` refused) and their errors
   * in `client`, the transaction that wrote them; answers the function that
   * makes the new state this object's own after the commit.
   */
  async save(
    client: QueryClientContract,
    delta: {
      rows: number
      created?: number
      matched?: number
      updated?: number
      rejected?: number
      errors?: RowError[]
    }
  ) {
    // MySQL counts changed rows only: an update that changes nothing
    // would read as "moved by someone else".
    if (delta.rows === 0 && !delta.errors?.length) return () => {}
    const next = {
      rows: this.rows + delta.rows,
      created: this.created + (delta.created ?? 0),
      matched: this.matched + (delta.matched ?? 0),
      updated: this.updated + (delta.updated ?? 0),
      rejected: this.rejected + (delta.rejected ?? 0),
      errorCount: this.errorCount + (delta.errors?.length ?? 0),
      errors: this.errors,
    }
    const changes: Record<string, unknown> = {
      [this.counter]: next.rows,
      created_rows: next.created,
      matched_rows: next.matched,
      updated_rows: next.updated,
      rejected_rows: next.rejected,
      error_count: next.errorCount,
      updated_at: now(),
    }
    if (delta.errors?.length && this.errors.length < ERRORS_KEPT) {
      next.errors = [...this.errors, ...delta.errors].slice(0, ERRORS_KEPT)
      changes.errors = JSON.stringify(next.errors)
    }
    const result = await client
      .from('resource_imports')
      .where('id', this.job.id)
      .where('status', this.status)
      .where(this.counter, this.rows)
      .update(changes)
    if (affected(result) !== 1) throw new ImportStopped(`Import ${this.job.id} was moved`)
    return () => Object.assign(this, next)
  }
}

import { hostname } from 'node:os'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { toSqlDateTime } from '#services/audit_log'
import { TableroError } from '#exceptions/tablero_error'
import { presentDateTime } from '../values.ts'
import { localizedMessage, type RowError } from './import_errors.ts'
import type { CsvEncoding } from '../csv_records.ts'
import { CREATE_MODE, modeOf, type ImportMode } from './import_mode.ts'
import { RejectedLines } from './rejected_lines.ts'

export type ImportStatus =
  'validating' | 'invalid' | 'ready' | 'importing' | 'done' | 'failed' | 'interrupted'

export interface ImportJobRow {
  id: number
  resource: string
  user_id: number
  status: ImportStatus
  filename: string
  file_key: string
  total_rows: number | null
  validated_rows: number
  processed_rows: number
  created_rows: number
  error_count: number
  errors: string | null
  message: string | null
  created_at: unknown
  updated_at: unknown
  finished_at: unknown
  runner: string | null
  encoding: CsvEncoding | null
  /** the base the import fills (clients), stamped on every row */
  base_id: number | null
  /** 'create' or 'update' (see ImportMode) */
  mode: string
  key_field: string | null
  /** JSON list of the fields an update mode import changes */
  update_fields: string | null
  matched_rows: number
  updated_rows: number
  rejected_rows: number
  /** the user confirmed importing the valid rows of a file with invalid ones */
  skip_invalid: boolean | number
  /** the file outlives the finished job, for the rejected rows' download */
  file_kept: boolean | number
  /** the user's column mapping, as JSON (ColumnMapping), or null when the header fits as it is */
  column_mapping: string | null
}

/** Row errors kept on the job; `error_count` counts them all. */
export const ERRORS_KEPT = 1_000
/** Row errors shown with the job; errors.csv has all that were kept. */
const ERRORS_SHOWN = 50

const TABLE = 'resource_imports'

export const now = () => toSqlDateTime(DateTime.utc())

/** How long a running job may go without saving progress before it counts as dead. */
const STALE_AFTER_MS = 2 * 60_000
/** How often every node looks for such jobs. */
export const SWEEP_EVERY_MS = 30_000
/** A validated or interrupted job nobody starts keeps its file this long. */
const IDLE_DAYS = 7
/** A file sent to the mapping preview and never confirmed is kept this long. */
export const PREVIEW_HOURS = 24
/** Stored names of preview files (import_file.ts previewKey). */
const PREVIEW_FILE = /^preview-\d+-[0-9a-f-]{36}\.csv$/

/** How an expired job's message is stored: translated when read. */
const EXPIRED = {
  code: 'IMPORT_EXPIRED',
  message: `Not started within ${IDLE_DAYS} days, so the file was discarded: upload it again`,
  params: { days: IDLE_DAYS },
}

/**
 * This process among the app's nodes: its host and HTTP port. Two live
 * processes cannot share both, and a restarted one gets the same again.
 */
export const THIS_RUNNER = `${hostname()}:${process.env.PORT ?? ''}`.slice(0, 160)

/** Deletes a job's stored file and its rejected lines; a missing one is no error. */
export async function discardFiles(fileKey: string) {
  await drive
    .use()
    .delete(fileKey)
    .catch(() => {})
  await RejectedLines.discard(fileKey)
}

/** Rows an update changed, whatever shape the driver answers with. */
export function affected(result: unknown) {
  return Number(Array.isArray(result) ? result[0] : result)
}

/**
 * The `resource_imports` rows: finding one for its owner, presenting it,
 * and the boot-time sweep of jobs a stopped process left running.
 */
export class ImportJobs {
  static async create(
    trx: QueryClientContract,
    values: {
      resource: string
      userId: number
      filename: string
      fileKey: string
      encoding: CsvEncoding
      baseId?: number | null
      mode?: ImportMode
    }
  ) {
    const mode = values.mode ?? CREATE_MODE
    const [id] = await trx
      .insertQuery()
      .table(TABLE)
      .insert({
        resource: values.resource,
        user_id: values.userId,
        status: 'validating',
        runner: THIS_RUNNER,
        filename: values.filename,
        file_key: values.fileKey,
        encoding: values.encoding,
        base_id: values.baseId ?? null,
        mode: mode.mode,
        key_field: mode.keyField,
        update_fields: mode.mode === 'update' ? JSON.stringify(mode.updateFields) : null,
        validated_rows: 0,
        processed_rows: 0,
        created_rows: 0,
        error_count: 0,
        created_at: now(),
        updated_at: now(),
      })
    return Number(id)
  }

  static async find(id: number): Promise<ImportJobRow | null> {
    return (await db.from(TABLE).where('id', id).first()) ?? null
  }

  /**
   * A job of `resource` its author or an admin may see: 404 when there is
   * no such job, 403 when it is someone else's.
   */
  static async visible(rawId: unknown, resource: string, user: { id: number; role: string }) {
    const id = Number(rawId)
    const job = Number.isSafeInteger(id) && id > 0 ? await this.find(id) : null
    if (!job || job.resource !== resource) {
      throw new TableroError('NOT_FOUND', 'No such import of this resource', 404)
    }
    if (Number(job.user_id) !== user.id && user.role !== 'admin') {
      throw new TableroError('FORBIDDEN', 'This import belongs to another user', 403)
    }
    return job
  }

  /**
   * Moves a job from one of `from` to `to` unless another request moved it
   * first: the update is the lock, so a job never runs twice.
   */
  static async transition(
    client: QueryClientContract,
    id: number,
    from: ImportStatus[],
    to: ImportStatus,
    changes: Record<string, unknown> = {}
  ) {
    const result = await client
      .from(TABLE)
      .where('id', id)
      .whereIn('status', from)
      .update({ ...changes, status: to, updated_at: now() })
    return affected(result) === 1
  }

  /**
   * Jobs whose runner stopped writing: a running job saves its progress
   * after every batch of 500 rows (seconds), so one left validating or
   * importing with nothing written for STALE_AFTER_MS lost its process (a
   * restart, a crash, a node gone). They become `interrupted` and `start`
   * resumes them. Checked at boot and every SWEEP_EVERY_MS on every node;
   * a job still running elsewhere is never taken by mistake, and if its
   * runner were only slow, its next save would find the job moved and
   * stop without writing twice.
   */
  static async interruptStale(olderThanMs = STALE_AFTER_MS) {
    await this.#interrupt((query) =>
      query.where(
        'updated_at',
        '<',
        toSqlDateTime(DateTime.utc().minus({ milliseconds: olderThanMs }))
      )
    )
  }

  /**
   * At boot: the jobs this process ran before it restarted (same host and
   * port) cannot be running any more, so they become resumable at once.
   * Were the name shared by mistake, a live runner elsewhere would only
   * find its job moved at its next save and stop without writing twice.
   */
  static async interruptOwn(runner = THIS_RUNNER) {
    await this.#interrupt((query) => query.where('runner', runner))
  }

  static async #interrupt(which: (query: ReturnType<typeof db.from>) => unknown) {
    const query = db.from(TABLE).whereIn('status', ['validating', 'importing'])
    which(query)
    await query.update({ status: 'interrupted', updated_at: now() })
  }

  /**
   * Jobs left `ready`, `invalid` or `interrupted` for IDLE_DAYS: their
   * stored file is deleted and they end `failed`, saying to upload the
   * file again. A finished job's file kept for its rejected rows is given
   * back too. Runs with the stale-job sweep.
   */
  static async expireIdle(olderThanDays = IDLE_DAYS) {
    const cutoff = toSqlDateTime(DateTime.utc().minus({ days: olderThanDays }))
    const kept = (await db
      .from(TABLE)
      .where('file_kept', 1)
      .whereNotIn('status', ['validating', 'importing'])
      .where('updated_at', '<', cutoff)
      .select('id', 'file_key')) as Array<Pick<ImportJobRow, 'id' | 'file_key'>>
    for (const job of kept) {
      await db.from(TABLE).where('id', job.id).update({ file_kept: 0 })
      await discardFiles(job.file_key)
    }
    const idle = (await db
      .from(TABLE)
      .whereIn('status', ['ready', 'invalid', 'interrupted'])
      .where('updated_at', '<', cutoff)
      .select('id', 'status', 'file_key')) as Array<
      Pick<ImportJobRow, 'id' | 'status' | 'file_key'>
    >
    for (const job of idle) {
      const moved = await this.transition(db.connection(), Number(job.id), [job.status], 'failed', {
        message: JSON.stringify(EXPIRED),
        finished_at: now(),
      })
      if (moved) await discardFiles(job.file_key)
    }
    return idle.length
  }

  /**
   * Files sent to the mapping preview that nobody confirmed within
   * PREVIEW_HOURS (the supervisor closed the dialog, or the browser): they
   * are deleted, and a late confirmation asks to upload the file again.
   * Runs with the stale-job sweep; returns how many went.
   */
  static async expirePreviews(olderThanHours = PREVIEW_HOURS, at = Date.now()) {
    const cutoff = at - olderThanHours * 3_600_000
    const disk = drive.use()
    let removed = 0
    let paginationToken: string | undefined
    do {
      const page = await disk.listAll('imports', { paginationToken })
      paginationToken = page.paginationToken
      for (const object of page.objects) {
        if (!object.isFile || !PREVIEW_FILE.test(object.name)) continue
        const { lastModified } = await object.getMetaData()
        if (lastModified.getTime() >= cutoff) continue
        await disk.delete(object.key).catch(() => {})
        removed++
      }
    } while (paginationToken)
    return removed
  }

  /** The job's message in the reader's language (a stored code is translated). */
  static message(job: ImportJobRow, language: 'es' | 'en') {
    if (!job.message?.startsWith('{')) return job.message
    try {
      const stored = JSON.parse(job.message) as Omit<RowError, 'line' | 'field'>
      return localizedMessage({ line: 0, field: null, ...stored }, language)
    } catch {
      return job.message
    }
  }

  static errors(job: ImportJobRow): RowError[] {
    return job.errors ? (JSON.parse(job.errors) as RowError[]) : []
  }

  static present(job: ImportJobRow, language: 'es' | 'en') {
    return {
      id: Number(job.id),
      resource: job.resource,
      status: job.status,
      filename: job.filename,
      baseId: job.base_id === null || job.base_id === undefined ? null : Number(job.base_id),
      totalRows: job.total_rows === null ? null : Number(job.total_rows),
      validatedRows: Number(job.validated_rows),
      processedRows: Number(job.processed_rows),
      createdRows: Number(job.created_rows),
      mode: job.mode === 'update' ? 'update' : 'create',
      keyField: job.key_field ?? null,
      updateFields: modeOf(job).updateFields,
      matchedRows: Number(job.matched_rows ?? 0),
      updatedRows: Number(job.updated_rows ?? 0),
      rejectedRows: Number(job.rejected_rows ?? 0),
      skipInvalid: Boolean(Number(job.skip_invalid ?? 0)),
      // The rejected rows can be downloaded while the file is there.
      rejectedFile:
        Number(job.error_count) > 0 &&
        (job.status === 'invalid' || Boolean(Number(job.file_kept ?? 0))),
      errorCount: Number(job.error_count),
      errors: this.errors(job)
        .slice(0, ERRORS_SHOWN)
        .map((error) => ({
          line: error.line,
          field: error.field,
          message: localizedMessage(error, language),
        })),
      message: this.message(job, language),
      createdAt: presentDateTime(job.created_at),
      finishedAt: job.finished_at ? presentDateTime(job.finished_at) : null,
    }
  }
}

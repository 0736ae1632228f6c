import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { toSqlDateTime } from '#services/audit_log'
import { isDatabaseError, redactSqlValues } from '#services/log_redaction'
import { presentDateTime } from '#resources/values'

export type JobStatus = 'queued' | 'running' | 'done' | 'failed'

interface JobRunRow {
  id: number
  name: string
  plugin: string | null
  status: JobStatus
  progress: number
  message: string | null
  result: string | null
  error: string | null
  attempts: number
  user_id: number | null
  queued_at: unknown
  started_at: unknown
  finished_at: unknown
}

const TABLE = 'job_runs'
/** A result is kept whole or refused: the row is read on every poll. */
export const RESULT_MAX_BYTES = 64 * 1024
const now = () => toSqlDateTime(DateTime.utc())

/**
 * The `job_runs` rows: one per dispatch, written by the dispatcher and the
 * worker, read by the user who dispatched it. Each write is its own short
 * statement, never inside the handler's transaction.
 */
export class JobRuns {
  static async create(
    client: QueryClientContract,
    run: { name: string; plugin: string | null; userId: number | null }
  ) {
    const [id] = await client.insertQuery().table(TABLE).insert({
      name: run.name,
      plugin: run.plugin,
      status: 'queued',
      progress: 0,
      attempts: 0,
      user_id: run.userId,
      queued_at: now(),
    })
    return Number(id)
  }

  /**
   * Marks the run as running; false when it already ended (failed by its
   * timeout before it got here), and the handler must not run.
   * A run found `running` is one whose worker died (the queue recovered it).
   */
  static async started(id: number, attempt: number) {
    const updated = await db
      .from(TABLE)
      .where('id', id)
      .whereIn('status', ['queued', 'running'])
      .update({ status: 'running', attempts: attempt, started_at: now(), error: null })
    return Number(Array.isArray(updated) ? updated[0] : updated) > 0
  }

  static async progress(id: number, percent: number, message?: string) {
    const progress = Math.max(0, Math.min(100, Math.round(percent)))
    const changes: Record<string, unknown> = { progress }
    if (message !== undefined) changes.message = message.slice(0, 500)
    await db.from(TABLE).where('id', id).where('status', 'running').update(changes)
  }

  static async done(id: number, result: unknown) {
    const json = result === undefined ? null : JSON.stringify(result)
    if (json !== null && Buffer.byteLength(json) > RESULT_MAX_BYTES) {
      throw new Error(`The job's result is over ${RESULT_MAX_BYTES / 1024} KB: keep it smaller`)
    }
    // A run failed meanwhile (its timeout) stays failed.
    await db
      .from(TABLE)
      .where('id', id)
      .where('status', 'running')
      .update({ status: 'done', progress: 100, result: json, finished_at: now() })
  }

  /** A failed attempt: queued again when a retry is left, else failed for good. */
  static async failed(id: number, error: unknown, final: boolean) {
    await db
      .from(TABLE)
      .where('id', id)
      .update({
        status: final ? 'failed' : 'queued',
        error: errorMessage(error),
        result: null,
        finished_at: final ? now() : null,
      })
  }

  static async find(id: number): Promise<JobRunRow | null> {
    return db.from(TABLE).where('id', id).first()
  }

  static present(row: JobRunRow) {
    return {
      id: row.id,
      name: row.name,
      plugin: row.plugin,
      status: row.status,
      progress: Number(row.progress),
      message: row.message,
      result: row.result === null ? null : JSON.parse(row.result),
      error: row.error,
      attempts: Number(row.attempts),
      userId: row.user_id,
      queuedAt: presentDateTime(row.queued_at),
      startedAt: row.started_at === null ? null : presentDateTime(row.started_at),
      finishedAt: row.finished_at === null ? null : presentDateTime(row.finished_at),
    }
  }
}

/** What a user may read of an error: its message, without SQL values, cut short. */
function errorMessage(error: unknown) {
  const message = error instanceof Error ? error.message : String(error)
  return (isDatabaseError(error) ? redactSqlValues(message) : message).slice(0, 1000)
}

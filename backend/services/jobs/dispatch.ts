import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Locator } from '@adonisjs/queue'
import { refuseInsideGlobalTransaction } from '#services/global_transaction_guard'
import type { JobDefinition } from './define_job.ts'
import { JobRuns } from './job_runs.ts'
import jobs, { type JobEnvelope } from './job_registry.ts'

export interface DispatchOptions {
  /** who dispatched it: that user (and admins) may read the run */
  user?: { id: number } | null
  /**
   * The transaction the dispatch belongs to: the run's row is written in it
   * and the job is queued only once it commits (never when it rolls back).
   * Without it, the job is queued at once, so do not dispatch from inside
   * a transaction: the worker could start before the data it needs is
   * committed, and on SQLite (one writer, one connection) the queue's own
   * write would wait for the transaction that waits for it.
   */
  trx?: TransactionClientContract
}

/**
 * Queues a run of `job` with `payload` (JSON) and answers its id, the
 * `job_runs` row read at GET /api/jobs/:id. Refused with 404
 * PLUGIN_DISABLED while the job's plugin is off.
 */
export async function dispatchJob<Payload>(
  job: JobDefinition<Payload, any>,
  payload: Payload,
  options: DispatchOptions = {}
): Promise<{ id: number }> {
  refuseInsideGlobalTransaction('dispatchJob')
  await jobs.assertRunnable(job.name, Boolean(options.trx))
  const { plugin } = jobs.get(job.name)
  const userId = options.user?.id ?? null
  const runId = await JobRuns.create(options.trx ?? db.connection(), {
    name: job.name,
    plugin,
    userId,
  })
  const envelope: JobEnvelope = { runId, userId, payload }
  if (options.trx) {
    options.trx.after('commit', () => enqueue(job.name, envelope))
  } else {
    await enqueue(job.name, envelope)
  }
  return { id: runId }
}

/** Pushes the run to the queue; a run that cannot be queued is failed, not left waiting. */
async function enqueue(name: string, envelope: JobEnvelope) {
  const QueueJob = Locator.getOrThrow(name) as unknown as {
    dispatch(payload: JobEnvelope): { run(): Promise<unknown> }
  }
  try {
    await QueueJob.dispatch(envelope).run()
  } catch (error) {
    await JobRuns.failed(envelope.runId, error, true)
    throw error
  }
}

import type { Duration } from '@adonisjs/queue/types'

/**
 * What a job's handler receives. `progress` saves 0–100 (and a short
 * message) on the job's row, which the user who dispatched it polls;
 * call it between batches, outside a transaction. `signal` aborts when the
 * job's timeout is reached: a long handler checks it between batches.
 */
export interface JobContext<Payload> {
  payload: Payload
  /** the job_runs row: GET /api/jobs/:id */
  runId: number
  /** who dispatched it, null for the system */
  userId: number | null
  /** 1 on the first run, 2 on the first retry… */
  attempt: number
  signal?: AbortSignal
  progress(percent: number, message?: string): Promise<void>
}

export type JobHandler<Payload, Result> = (context: JobContext<Payload>) => Promise<Result>

/**
 * A background job, declared once and dispatched with `dispatchJob`.
 * A plugin lists its jobs in the manifest's `jobs` module; the name starts
 * with the plugin's name (`dialer.build-list`). The handler's result (any
 * JSON value, at most 64 KB) is kept on the job's row; a thrown error
 * fails the run with its message, after `retries` more attempts.
 */
export interface JobDefinition<Payload = any, Result = unknown> {
  name: string
  handler: JobHandler<Payload, Result>
  /** further attempts after a failure (default 0: a failure is final) */
  retries?: number
  /** the longest a run may take (ms or '10m'; default the worker's 30 minutes) */
  timeout?: Duration
  /**
   * Runs on its own this often (ms or '1h'), with an empty payload, as the
   * system: read when the server starts (from the env, say); null, 0 or
   * undefined: only when dispatched. One node of several dispatches each
   * round (JobSchedule), and never while the job's plugin is off.
   */
  every?: () => Duration | null | undefined
}

const JOB_NAME = /^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+$/

export function defineJob<Payload = any, Result = unknown>(
  definition: JobDefinition<Payload, Result>
): JobDefinition<Payload, Result> {
  if (!JOB_NAME.test(definition.name)) {
    throw new Error(
      `Job name "${definition.name}" must be dotted kebab-case, starting with its plugin's name`
    )
  }
  return definition
}

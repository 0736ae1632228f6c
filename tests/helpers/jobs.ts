import type { WorkerConfig } from '@adonisjs/queue/types'
import { JobWorker } from '#services/jobs/job_worker'
import { JobRuns } from '#services/jobs/job_runs'
import { JobSchedule } from '#services/jobs/job_schedule'

/**
 * The tests' job worker: the in-process worker does not start under test,
 * so a test that dispatches starts it (polling fast) and stops it after.
 * Jobs commit their work: such tests truncate (truncateAfterEach) rather
 * than roll back a global transaction the worker would not see.
 */
export function startJobWorker(overrides: WorkerConfig = {}) {
  return JobWorker.start({ idleDelay: 20, ...overrides })
}

export function stopJobWorker() {
  return JobWorker.stop()
}

/** Polls the run until it is done or failed (a worker must be running); answers it as the API does. */
export async function settleJob(id: number, polls = 500) {
  for (let poll = 0; poll < polls; poll++) {
    const row = await JobRuns.find(id)
    if (!row) throw new Error(`No job run ${id}`)
    if (row.status === 'done' || row.status === 'failed') return JobRuns.present(row)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`Job run ${id} did not end`)
}

/**
 * The schedule of jobs that run on their own (`every`), which does not start
 * under test: a test starts it (intervals read now, from the env it set) and
 * stops it after.
 */
export function startJobSchedule() {
  JobSchedule.start()
}

export function stopJobSchedule() {
  return JobSchedule.stop()
}

import { Worker, threadId } from 'node:worker_threads'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import transmit from '@adonisjs/transmit/services/main'
import env from '#start/env'
import type { AuditActor } from '#services/audit_log'
import type { ResourceService } from '../resource_service.ts'
import { ImportJobs, type ImportJobRow } from './import_jobs.ts'
import { ImportRunner } from './import_runner.ts'

type Broadcastable = Parameters<typeof transmit.broadcast>[1]

/** What the HTTP thread asks of the import worker. */
export type ImportOrder = {
  type: 'run'
  kind: 'validate' | 'import'
  jobId: number
  actor: AuditActor
}

/** What the import worker tells the HTTP thread. */
export type WorkerReport =
  | { type: 'ready'; threadId: number; bootMs: number }
  | { type: 'running'; jobId: number; threadId: number }
  | { type: 'finished'; jobId: number }
  | { type: 'broadcast'; channel: string; payload?: Broadcastable }

/** How a job whose worker died is told to its user (translated when read). */
const WORKER_STOPPED = JSON.stringify({
  code: 'IMPORT_WORKER_STOPPED',
  message: 'The import stopped unexpectedly: start it again and it goes on where it stopped',
})

const THREADS_KEPT = 100

/**
 * Runs imports off the HTTP thread (issue 14): the validation and the
 * import of a job go to one worker thread of this process
 * (import_worker.ts), started at the first import and kept, which boots
 * the app with its own database connection. The HTTP thread keeps the
 * parts that answer the user at once (upload, header check, the start's
 * transition: the one-node-per-job lock), then only answers requests.
 *
 * Nothing of a job lives only in the worker: its counters, errors and
 * status are rows, saved with each batch in the batch's transaction. If
 * the worker dies (a crash, out of memory, terminated), its running jobs
 * become `interrupted` at once, and `start` resumes them after their last
 * committed batch, as after a restart of the process.
 *
 * IMPORTS_IN_WORKER=false runs them on the HTTP thread as before (the
 * bench compares the two).
 */
export class ImportThread {
  static #worker: Worker | null = null
  /** The jobs sent to the worker and not finished: what to call when they end. */
  static #running = new Map<number, () => void>()
  /** The thread each of this process's last THREADS_KEPT jobs ran in (for tests). */
  static #threads = new Map<number, number>()

  static get enabled() {
    return env.get('IMPORTS_IN_WORKER') !== false
  }

  /** Validates `job` in the worker (or here when disabled); resolves when it ends. */
  static validate(service: ResourceService, job: ImportJobRow, actor: AuditActor) {
    return this.#run('validate', service, job, actor)
  }

  /** Imports `job` in the worker (or here when disabled); resolves when it ends. */
  static import(service: ResourceService, job: ImportJobRow, actor: AuditActor) {
    return this.#run('import', service, job, actor)
  }

  /**
   * Starts the worker ahead of the first import (a web node's ready hook),
   * so an upload does not wait for the app to boot a second time.
   */
  static prepare() {
    if (this.enabled) this.#spawn()
  }

  /** The thread id a job last ran in, in this process; undefined if it never ran here. */
  static threadOf(jobId: number) {
    return this.#threads.get(jobId)
  }

  /**
   * Ends the worker at once, as a crash would, whatever it is writing: its
   * open transaction dies with its connection, and its jobs become
   * interrupted (app shutdown, tests).
   */
  static async terminate() {
    await this.#worker?.terminate()
  }

  static #run(
    kind: 'validate' | 'import',
    service: ResourceService,
    job: ImportJobRow,
    actor: AuditActor
  ) {
    if (!this.enabled) {
      this.#ranIn(Number(job.id), threadId)
      return kind === 'validate'
        ? ImportRunner.validate(service, job)
        : ImportRunner.import(service, job)
    }
    return new Promise<void>((done) => {
      const jobId = Number(job.id)
      this.#running.set(jobId, done)
      this.#spawn().postMessage({ type: 'run', kind, jobId, actor } satisfies ImportOrder)
    })
  }

  static #spawn() {
    if (this.#worker) return this.#worker
    const worker = new Worker(new URL('./import_worker.ts', import.meta.url))
    // An idle worker does not keep the process alive; a process that ends
    // leaves its jobs to the boot-time sweep (ImportJobs.interruptOwn).
    worker.unref()
    worker.on('message', (report: WorkerReport) => this.#heard(report))
    worker.on('error', (error) => logger.error({ err: error }, 'import worker failed'))
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#worker = null
      void this.#orphaned(code)
    })
    this.#worker = worker
    return worker
  }

  static #ranIn(jobId: number, thread: number) {
    this.#threads.delete(jobId)
    this.#threads.set(jobId, thread)
    if (this.#threads.size > THREADS_KEPT) this.#threads.delete(this.#threads.keys().next().value!)
  }

  static #heard(report: WorkerReport) {
    if (report.type === 'ready') {
      logger.info({ threadId: report.threadId, bootMs: report.bootMs }, 'import worker ready')
    } else if (report.type === 'running') {
      this.#ranIn(report.jobId, report.threadId)
    } else if (report.type === 'broadcast') {
      transmit.broadcast(report.channel, report.payload)
    } else if (report.type === 'finished') {
      this.#running.get(report.jobId)?.()
      this.#running.delete(report.jobId)
    }
  }

  /** The worker is gone: its jobs become resumable now, not after the stale sweep. */
  static async #orphaned(code: number) {
    const jobs = [...this.#running.entries()]
    this.#running.clear()
    if (jobs.length > 0)
      logger.error({ code, jobs: jobs.map(([id]) => id) }, 'import worker exited')
    for (const [jobId, done] of jobs) {
      await ImportJobs.transition(
        db.connection(),
        jobId,
        ['validating', 'importing'],
        'interrupted',
        {
          message: WORKER_STOPPED,
        }
      ).catch((error) => logger.error({ err: error, importId: jobId }, 'could not interrupt'))
      done()
    }
  }
}

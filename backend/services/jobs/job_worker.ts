import app from '@adonisjs/core/services/app'
import { Worker } from '@adonisjs/queue'
import type { QueueConfig, WorkerConfig } from '@adonisjs/queue/types'

/**
 * The worker that runs inside the server process (JOBS_WORKER=false turns
 * it off; `node ace queue:work` runs one on its own). Several workers on
 * several nodes share the queue: each job is taken by one of them.
 */
export class JobWorker {
  static #worker: Worker | null = null
  static #running: Promise<void> | null = null

  static get running() {
    return this.#worker !== null
  }

  /** `overrides` tune the worker (tests poll faster): see config/queue.ts. */
  static async start(overrides: WorkerConfig = {}) {
    if (this.#worker) return
    const config = app.config.get<QueueConfig>('queue')
    const logger = await app.container.make('logger')
    const adapters: Record<string, any> = {}
    for (const [name, adapter] of Object.entries(config.adapters)) {
      adapters[name] = typeof adapter === 'function' ? adapter : await adapter.resolver(app)
    }
    const worker = new Worker({
      ...config,
      autoLoadJobs: false,
      adapters,
      jobFactory: (JobClass) => app.container.make(JobClass),
      logger: config.logger ?? logger,
      // The server's own shutdown stops it (JobsProvider), not a signal handler.
      worker: { ...config.worker, ...overrides, gracefulShutdown: false },
    })
    this.#worker = worker
    this.#running = worker.start(['default']).catch((error: Error) => {
      logger.error({ err: error }, 'the job worker stopped')
    })
  }

  /** Waits for the jobs in hand to end, then stops taking new ones. */
  static async stop() {
    const worker = this.#worker
    if (!worker) return
    this.#worker = null
    await worker.stop()
    await this.#running
    this.#running = null
  }
}

import logger from '@adonisjs/core/services/logger'
import { errors, Job, Locator } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { TableroError } from '#exceptions/tablero_error'
import type { PluginRegistry } from '#kernel/plugin_registry'
import type { JobDefinition } from './define_job.ts'
import { JobRuns } from './job_runs.ts'

/** What travels through the queue: the run's row and the handler's payload. */
export interface JobEnvelope {
  runId: number
  userId: number | null
  payload: unknown
}

interface RegisteredJob {
  definition: JobDefinition
  plugin: string | null
}

/**
 * Every job the app can run, by name: the core's and each discovered
 * plugin's (registered at boot, enabled or not). A disabled plugin's job is
 * refused at dispatch and failed if it reaches a worker, so toggling a
 * plugin needs no re-registration, as with its event handlers.
 */
export class JobRegistry {
  #jobs = new Map<string, RegisteredJob>()
  #plugins: PluginRegistry | null = null

  usePlugins(plugins: PluginRegistry) {
    this.#plugins = plugins
  }

  register(definition: JobDefinition, plugin: string | null = null) {
    const where = plugin ? `Plugin "${plugin}"` : 'The core'
    if (plugin && !definition.name.startsWith(`${plugin}.`)) {
      throw new TableroError(
        'PLUGIN_MANIFEST_INVALID',
        `${where}: job "${definition.name}" must start with "${plugin}."`,
        500
      )
    }
    if (this.#jobs.has(definition.name)) {
      throw new TableroError(
        'PLUGIN_MANIFEST_INVALID',
        `${where}: job "${definition.name}" is declared twice`,
        500
      )
    }
    this.#jobs.set(definition.name, { definition, plugin })
    Locator.register(definition.name, queueJobFor(definition, this))
  }

  /** The jobs that run on their own (`every`). */
  scheduled() {
    return [...this.#jobs.values()]
      .map(({ definition }) => definition)
      .filter((definition) => definition.every)
  }

  get(name: string) {
    const job = this.#jobs.get(name)
    if (!job) throw new Error(`Unknown job "${name}": declare it in a plugin's "jobs"`)
    return job
  }

  /**
   * Throws 404 PLUGIN_DISABLED when the job's plugin is off. Inside the
   * caller's transaction (`inTransaction`) the states this node holds are
   * taken as they are: re-reading them needs a connection the transaction
   * may hold (SQLite's only one, until the pool's timeout). The worker
   * checks again before it runs the job.
   */
  async assertRunnable(name: string, inTransaction = false) {
    const { plugin } = this.get(name)
    if (!plugin || !this.#plugins) return
    if (!inTransaction) await this.#plugins.refresh()
    if (!this.#plugins.isEnabled(plugin)) {
      throw new TableroError('PLUGIN_DISABLED', `Plugin "${plugin}" is disabled`, 404, undefined, {
        name: plugin,
      })
    }
  }
}

/**
 * The queue package's job class for a definition: it keeps the run's row
 * in step (running, done, failed or queued again for a retry) around the
 * handler.
 */
function queueJobFor(definition: JobDefinition, registry: JobRegistry) {
  const retries = definition.retries ?? 0
  const QueueJob = class extends Job<JobEnvelope> {
    static options: JobOptions = {
      name: definition.name,
      maxRetries: retries,
      timeout: definition.timeout,
      failOnTimeout: true,
    }

    async execute() {
      const { runId, userId, payload } = this.payload
      const attempt = this.context.attempt
      try {
        await registry.assertRunnable(definition.name)
        if (!(await JobRuns.started(runId, attempt))) return
        const result = await definition.handler({
          payload,
          runId,
          userId,
          attempt,
          signal: this.signal,
          progress: (percent, message) => JobRuns.progress(runId, percent, message),
        })
        // Past its timeout the queue has failed the run: a late result does not undo that.
        if (this.signal?.aborted) return
        await JobRuns.done(runId, result)
      } catch (error) {
        logger.warn({ err: error, job: definition.name, runId, attempt }, 'job attempt failed')
        // Retried by the queue while attempts are left; `failed` ends it.
        if (attempt <= retries) await JobRuns.failed(runId, error, false)
        throw error
      }
    }

    async failed(error: Error) {
      // After the last retry the queue wraps the handler's error: keep the handler's.
      const cause = error instanceof errors.E_JOB_MAX_ATTEMPTS_REACHED ? error.cause : error
      await JobRuns.failed(this.payload.runId, cause ?? error, true)
    }
  }
  // The queue names the job in its own errors (a timeout) by the class name.
  Object.defineProperty(QueueJob, 'name', { value: definition.name })
  return QueueJob
}

const jobs = new JobRegistry()
export default jobs

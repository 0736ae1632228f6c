import logger from '@adonisjs/core/services/logger'
import string from '@adonisjs/core/helpers/string'
import { claimFor } from '#services/locks'
import type { JobDefinition } from './define_job.ts'
import { dispatchJob } from './dispatch.ts'
import jobs from './job_registry.ts'

/** A round's claim lapses a little before the next round, so a late timer is not refused. */
const CLAIM_SHARE = 0.9

/**
 * Runs the jobs that declare `every` on their own: each node's timer ticks
 * every interval, and the first node to claim the round (a lock that lapses
 * by itself, in Redis or the database) dispatches it to the queue; the
 * others skip it. A job of a disabled plugin is not dispatched. The run is a
 * `job_runs` row like any other, dispatched by the system.
 */
export class JobSchedule {
  static #timers: NodeJS.Timeout[] = []
  static #ticking = new Set<Promise<boolean>>()

  static start(definitions: JobDefinition[] = jobs.scheduled()) {
    for (const definition of definitions) {
      const every = definition.every?.()
      const ms = typeof every === 'string' ? string.milliseconds.parse(every) : Number(every ?? 0)
      if (!Number.isFinite(ms) || ms <= 0) continue
      const timer = setInterval(() => {
        const tick = this.tick(definition, ms)
        this.#ticking.add(tick)
        void tick.finally(() => this.#ticking.delete(tick))
      }, ms)
      timer.unref()
      this.#timers.push(timer)
    }
  }

  /** Stops the timers and waits for a round being dispatched, so none lands after. */
  static async stop() {
    for (const timer of this.#timers) clearInterval(timer)
    this.#timers = []
    await Promise.allSettled([...this.#ticking])
  }

  /** One round: dispatched by the node that claims it, while its plugin is on. */
  static async tick(definition: JobDefinition, ms: number) {
    try {
      await jobs.assertRunnable(definition.name)
      const ttl = Math.max(1, Math.floor(ms * CLAIM_SHARE))
      if (!(await claimFor(`schedule:${definition.name}`, ttl))) return false
      await dispatchJob(definition, {})
      return true
    } catch (error) {
      // a disabled plugin, or the database away for a moment: the next round tries again
      logger.debug({ err: error, job: definition.name }, 'scheduled job not dispatched')
      return false
    }
  }
}

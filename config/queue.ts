import env from '#start/env'
import { defineConfig, drivers } from '@adonisjs/queue'

/**
 * Background jobs (`defineJob` / `dispatchJob` in #sdk) wait in Redis when
 * the app runs on several nodes (REDIS_HOST set), otherwise in the
 * database's `queue_jobs` table (SQLite and MySQL alike). Each dispatch is
 * also a row of `job_runs`, which users read; the queue's own rows are
 * removed once a job ends.
 *
 * The worker runs inside the server process (JOBS_WORKER=false turns it
 * off there) and as `node ace queue:work`. Jobs are registered from the
 * plugins' manifests at boot, not found by file location.
 */
const queueConfig = defineConfig({
  default: env.get('REDIS_HOST') ? 'redis' : 'database',
  adapters: {
    redis: drivers.redis({ connectionName: 'main' }),
    database: drivers.database({ tableName: 'queue_jobs' }),
  },
  defaultJobOptions: { removeOnComplete: true, removeOnFail: true },
  worker: {
    // One job at a time per worker: more workers (nodes, queue:work) run more.
    // @boringnode/queue 0.6 loses track of a job that outlives `idleDelay`
    // while the pool has room, and then pauses its loop for 5 s.
    concurrency: 1,
    idleDelay: '1s',
    // A job longer than this is failed; a job declares its own `timeout`.
    timeout: '30m',
  },
  locations: [],
})

export default queueConfig

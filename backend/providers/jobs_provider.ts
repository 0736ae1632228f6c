import type { ApplicationService } from '@adonisjs/core/types'
import env from '#start/env'

/**
 * Background jobs: registers the core's and every discovered plugin's jobs
 * (the manifest's `jobs`) once the kernel has discovered the plugins, in
 * every environment (`node ace queue:work` needs them too), and runs the
 * worker inside the web server unless JOBS_WORKER=false, and the schedule
 * of jobs that run on their own unless JOBS_SCHEDULE=false.
 */
export default class JobsProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const { default: jobs } = await import('#services/jobs/job_registry')
    const plugins = await this.app.container.make('tablero.plugins')
    jobs.usePlugins(plugins)
    const { assignClientsJob } = await import('#services/assignments/assign_clients_job')
    jobs.register(assignClientsJob)
    for (const manifest of plugins.manifests) {
      if (!manifest.jobs) continue
      const { default: definitions } = await manifest.jobs()
      for (const definition of definitions) jobs.register(definition, manifest.name)
    }
  }

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    // scheduled jobs (`every`) are dispatched by one node per round, worker or not
    if (env.get('JOBS_SCHEDULE') !== false) {
      const { JobSchedule } = await import('#services/jobs/job_schedule')
      JobSchedule.start()
    }
    if (env.get('JOBS_WORKER') === false) return
    const { JobWorker } = await import('#services/jobs/job_worker')
    await JobWorker.start()
  }

  async shutdown() {
    const { JobSchedule } = await import('#services/jobs/job_schedule')
    await JobSchedule.stop()
    const { JobWorker } = await import('#services/jobs/job_worker')
    await JobWorker.stop()
  }
}

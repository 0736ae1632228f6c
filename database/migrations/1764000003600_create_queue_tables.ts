import { BaseSchema } from '@adonisjs/lucid/schema'
import { QueueSchemaService } from '@adonisjs/queue'

/**
 * The database driver's tables of @adonisjs/queue (config/queue.ts), used
 * when Redis is not configured: waiting jobs and recurring schedules, in
 * the shape the package expects (its own schema service builds them).
 */
export default class extends BaseSchema {
  async up() {
    const schema = new QueueSchemaService(this.db.getWriteClient())
    await schema.createJobsTable('queue_jobs')
    await schema.createSchedulesTable('queue_schedules')
  }

  async down() {
    const schema = new QueueSchemaService(this.db.getWriteClient())
    await schema.dropSchedulesTable('queue_schedules')
    await schema.dropJobsTable('queue_jobs')
  }
}

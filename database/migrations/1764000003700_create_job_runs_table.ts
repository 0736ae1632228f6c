import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One row per dispatched background job: what the user who dispatched it
 * (or an admin) reads at GET /api/jobs/:id. `status` is queued, running,
 * done or failed; `progress` 0 to 100; `result` the handler's answer as
 * JSON; `error` why it failed. The job's payload is not kept here.
 */
export default class extends BaseSchema {
  protected tableName = 'job_runs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('name', 150).notNullable()
      table.string('plugin', 100).nullable()
      table.string('status', 20).notNullable()
      table.integer('progress').unsigned().notNullable().defaultTo(0)
      table.string('message', 500).nullable()
      table.text('result').nullable()
      table.string('error', 1000).nullable()
      table.integer('attempts').unsigned().notNullable().defaultTo(0)
      table
        .integer('user_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.dateTime('queued_at').notNullable()
      table.dateTime('started_at').nullable()
      table.dateTime('finished_at').nullable()
      table.index(['user_id', 'id'])
      table.index(['status', 'id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/** One bulk toggle (W2): the client set it covers and the job that sends it. */
export default class extends BaseSchema {
  protected tableName = 'tubolsillo_bulks'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('action', 20).notNullable()
      table.integer('total').unsigned().notNullable()
      // sha1 of the sorted client ids: one bulk at a time per client set
      table.string('set_key', 40).notNullable()
      table.integer('job_id').unsigned().nullable()
      table.integer('retry_of').unsigned().nullable()
      table.integer('created_by').unsigned().nullable()
      table.dateTime('created_at').notNullable()
      table.index(['set_key'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

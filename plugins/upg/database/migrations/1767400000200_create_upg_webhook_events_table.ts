import { BaseSchema } from '@adonisjs/lucid/schema'

/** The gateway's webhook events already applied, by their id: a replay is refused (409). */
export default class extends BaseSchema {
  protected tableName = 'upg_webhook_events'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('event_id', 100).primary()
      table.string('type', 40).notNullable()
      table.integer('transaction_id').unsigned().nullable()
      table.dateTime('received_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

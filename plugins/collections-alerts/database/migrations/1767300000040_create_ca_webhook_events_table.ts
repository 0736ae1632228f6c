import { BaseSchema } from '@adonisjs/lucid/schema'

/** The channel events already applied, by the sender's event id: a replay is refused (409). */
export default class extends BaseSchema {
  protected tableName = 'ca_webhook_events'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('event_id', 120).notNullable().unique()
      table.string('kind', 40).notNullable()
      table.integer('client_id').unsigned().nullable()
      table.dateTime('received_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

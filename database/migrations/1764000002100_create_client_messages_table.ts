import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Notifications sent to a client (C6): channel, destination, text, the
 * provider's answer. Shown in the client's log (C7).
 */
export default class extends BaseSchema {
  protected tableName = 'client_messages'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table.string('channel', 10).notNullable()
      table.string('destination', 254).notNullable()
      table.string('subject', 200).nullable()
      table.text('body').notNullable()
      table.string('status', 20).notNullable()
      table.string('provider', 40).notNullable()
      table.string('provider_message_id', 120).nullable()
      table.string('error', 500).nullable()
      table
        .integer('sent_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.dateTime('created_at').notNullable()
      table.index(['client_id', 'id'], 'client_messages_client_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

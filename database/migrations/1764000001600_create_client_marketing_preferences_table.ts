import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Marketing opt-in per client and channel (C5): sms, email, whatsapp, push.
 * A missing row means "never asked" and counts as opted out.
 */
export default class extends BaseSchema {
  protected tableName = 'client_marketing_preferences'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table.string('channel', 20).notNullable()
      table.boolean('opted_in').notNullable()
      table.dateTime('updated_at').notNullable()
      table.primary(['client_id', 'channel'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * E-mail addresses of a client (C4); many per client.
 */
export default class extends BaseSchema {
  protected tableName = 'client_emails'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table.string('email', 254).notNullable()
      table.string('label', 40).nullable()
      table.boolean('is_primary').notNullable().defaultTo(false)
      table.boolean('verified').notNullable().defaultTo(false)
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['email'], 'client_emails_email_idx')
      table.index(['client_id'], 'client_emails_client_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

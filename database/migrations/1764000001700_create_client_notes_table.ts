import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Free-text notes on a client (C10), at most 64 KB each.
 */
export default class extends BaseSchema {
  protected tableName = 'client_notes'

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
      table
        .integer('author_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.text('body', 'mediumtext').notNullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['client_id', 'id'], 'client_notes_client_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

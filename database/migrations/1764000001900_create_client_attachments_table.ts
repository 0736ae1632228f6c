import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Files attached to a client (C10). The bytes live in the drive disk; this
 * row keeps the key, name, type and size.
 */
export default class extends BaseSchema {
  protected tableName = 'client_attachments'

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
      table.string('original_name', 255).notNullable()
      table.string('storage_key', 255).notNullable().unique()
      table.string('mime_type', 120).nullable()
      table.bigInteger('size').unsigned().notNullable()
      table
        .integer('uploaded_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.dateTime('created_at').notNullable()
      table.index(['client_id', 'id'], 'client_attachments_client_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Postal addresses of a client (C4); many per client.
 */
export default class extends BaseSchema {
  protected tableName = 'client_addresses'

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
      table.string('label', 40).nullable()
      table.string('line1', 200).notNullable()
      table.string('line2', 200).nullable()
      table.string('city', 100).nullable()
      table.string('region', 100).nullable()
      table.string('postal_code', 20).nullable()
      table.string('country', 2).nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['client_id'], 'client_addresses_client_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

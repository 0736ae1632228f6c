import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The clients a bulk toggle covers, as the supervisor confirmed them (W2):
 * its job writes their toggles in batches from this list, so a bulk of any
 * size is decided in the request and done in the background.
 */
export default class extends BaseSchema {
  protected tableName = 'tubolsillo_bulk_clients'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table
        .integer('bulk_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('tubolsillo_bulks')
        .onDelete('CASCADE')
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table.primary(['bulk_id', 'client_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

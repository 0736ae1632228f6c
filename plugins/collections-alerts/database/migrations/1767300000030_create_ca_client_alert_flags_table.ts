import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The types a client has active now, one row per (client, type): the link
 * table of the clients' `alerts` field, so the clients list filters by alert
 * with an EXISTS on this primary key (A6), at any number of clients.
 */
export default class extends BaseSchema {
  protected tableName = 'ca_client_alert_flags'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table
        .integer('alert_type_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('ca_alert_types')
      table.primary(['client_id', 'alert_type_id'])
      table.index(['alert_type_id', 'client_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

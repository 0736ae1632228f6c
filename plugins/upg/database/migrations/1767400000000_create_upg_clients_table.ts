import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * U3: what the payment gateway knows of a user ("Cliente detalles"), linked to
 * the CRM client it belongs to. `external_user_id` is the gateway's user id,
 * the key transactions carry.
 */
export default class extends BaseSchema {
  protected tableName = 'upg_clients'

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
      table.string('external_user_id', 64).notNullable().unique()
      table.string('full_name', 200).nullable()
      table.string('email', 254).nullable()
      table.string('phone', 30).nullable()
      table.string('country', 2).nullable()
      table.string('kyc_status', 20).nullable()
      table.string('level', 30).nullable()
      table.dateTime('registered_at').nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['client_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

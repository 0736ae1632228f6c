import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A7: promises to pay (amount and date), `pending` until a payment keeps it
 * or the broken-promise sweep marks it `broken` once date + grace passes.
 */
export default class extends BaseSchema {
  protected tableName = 'ca_promises'

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
      table.decimal('amount', 14, 2).notNullable()
      table.string('currency', 3).notNullable().defaultTo('PEN')
      table.date('promised_on').notNullable()
      table.string('status', 10).notNullable().defaultTo('pending')
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['status', 'promised_on'])
      table.index(['client_id', 'status'])
      table.index(['amount', 'id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/** A7: payments received; a new one lifts the client's payment alerts (A3). */
export default class extends BaseSchema {
  protected tableName = 'ca_payments'

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
        .integer('debt_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('ca_debts')
        .onDelete('SET NULL')
      table.decimal('amount', 14, 2).notNullable()
      table.string('currency', 3).notNullable().defaultTo('PEN')
      table.date('paid_on').notNullable()
      table.string('reference', 80).nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['client_id', 'paid_on'])
      table.index(['paid_on', 'id'])
      table.index(['amount', 'id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

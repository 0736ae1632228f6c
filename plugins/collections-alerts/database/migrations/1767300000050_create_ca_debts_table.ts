import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A7: a client's debts. Days overdue is today − due_date, so it is never
 * stored: sorting or filtering by it reads the (due_date, id) index, and by
 * amount the (amount, id) one.
 */
export default class extends BaseSchema {
  protected tableName = 'ca_debts'

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
      table.string('product', 120).notNullable()
      table.decimal('amount', 14, 2).notNullable()
      table.string('currency', 3).notNullable().defaultTo('PEN')
      table.date('due_date').notNullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['due_date', 'id'])
      table.index(['amount', 'id'])
      table.index(['client_id', 'due_date'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/** A7: "pago a verificar": a payment the client reports, to be checked; it lifts payment alerts too. */
export default class extends BaseSchema {
  protected tableName = 'ca_payments_to_verify'

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
      table.date('reported_on').notNullable()
      table.string('status', 10).notNullable().defaultTo('pending')
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['client_id', 'reported_on'])
      table.index(['status', 'reported_on'])
      table.index(['amount', 'id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

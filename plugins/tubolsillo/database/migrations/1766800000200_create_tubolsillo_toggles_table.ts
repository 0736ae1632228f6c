import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every request to switch a client's wallet (W1–W3): pending until the wallet
 * service confirms it, then confirmed or failed. The latest row of a client is
 * its wallet's status; none means never asked.
 */
export default class extends BaseSchema {
  protected tableName = 'tubolsillo_toggles'

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
      table.string('action', 20).notNullable()
      table.integer('reason_id').unsigned().nullable()
      table.string('note', 500).nullable()
      table.string('status', 20).notNullable().defaultTo('pending')
      table.string('error', 500).nullable()
      table.string('idempotency_key', 64).notNullable().unique()
      table.integer('bulk_id').unsigned().nullable()
      table.integer('retry_of').unsigned().nullable()
      table.integer('requested_by').unsigned().nullable()
      table.integer('attempts').unsigned().notNullable().defaultTo(0)
      table.dateTime('settled_at').nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['client_id', 'id'])
      table.index(['bulk_id', 'status'])
      table.index(['status', 'id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

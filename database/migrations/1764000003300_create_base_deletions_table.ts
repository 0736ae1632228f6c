import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A base's deletion runs in the background, 1,000 clients a transaction:
 * its progress lives here (any node answers the admin's polling), and it
 * outlives the base row, which goes once no client is kept.
 */
export default class extends BaseSchema {
  protected tableName = 'base_deletions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('base_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('bases')
        .onDelete('SET NULL')
      table.string('base_name', 120).notNullable()
      table
        .integer('user_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.string('status', 20).notNullable()
      table.integer('total').unsigned().notNullable().defaultTo(0)
      table.integer('deleted').unsigned().notNullable().defaultTo(0)
      table.integer('kept').unsigned().notNullable().defaultTo(0)
      table.text('message').nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').notNullable()
      table.dateTime('finished_at').nullable()
      table.index(['base_id', 'id'], 'base_deletions_base_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Dialer lists (D3): a name, a dialer campaign, active or not, and the
 * filter tree it was built from (kept so a supervisor sees what it holds).
 */
export default class extends BaseSchema {
  protected tableName = 'dialer_lists'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('name', 120).notNullable()
      table
        .integer('campaign_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('campaigns')
        .onDelete('CASCADE')
      table.boolean('active').notNullable().defaultTo(true)
      table.text('filter').nullable()
      table.integer('total').notNullable().defaultTo(0)
      table.integer('skipped_invalid').notNullable().defaultTo(0)
      table
        .integer('created_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['campaign_id', 'id'])
      table.index(['name', 'id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

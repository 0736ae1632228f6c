import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The result tree of a campaign (T1–T4): up to three levels; each result
 * has either an action for the dialer or "allows scheduling", never both.
 */
export default class extends BaseSchema {
  protected tableName = 'tip_results'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('campaign_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('campaigns')
        .onDelete('CASCADE')
      table
        .integer('parent_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('tip_results')
        .onDelete('CASCADE')
      table.tinyint('level').unsigned().notNullable()
      table.string('name', 120).notNullable()
      table.string('action', 20).nullable()
      table.boolean('allows_scheduling').notNullable().defaultTo(false)
      table.boolean('delete_scheduled').notNullable().defaultTo(false)
      table.decimal('gamification_measure', 10, 2).nullable()
      table.integer('sort_order').notNullable().defaultTo(0)
      table.boolean('active').notNullable().defaultTo(true)
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').notNullable()
      table.index(['campaign_id', 'parent_id', 'sort_order'], 'tip_results_tree_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

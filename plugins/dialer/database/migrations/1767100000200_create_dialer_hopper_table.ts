import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The hopper (D4): the next contacts of each campaign, in order
 * (priority 0 due callbacks, 1 new, 2 recalls; then id). A claim takes
 * and deletes one row under FOR UPDATE SKIP LOCKED; a contact is in the
 * hopper at most once (unique contact_id).
 */
export default class extends BaseSchema {
  protected tableName = 'dialer_hopper'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.integer('campaign_id').unsigned().notNullable()
      table
        .integer('contact_id')
        .unsigned()
        .notNullable()
        .unique()
        .references('id')
        .inTable('dialer_contacts')
        .onDelete('CASCADE')
      table.tinyint('priority').notNullable()
      table.dateTime('created_at').notNullable()
      table.index(['campaign_id', 'priority', 'id'], 'dialer_hopper_order_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

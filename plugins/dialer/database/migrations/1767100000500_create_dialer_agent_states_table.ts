import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Each agent's state in the console: available, in_call, wrap_up or
 * paused (with a reason), and the contact it works. The row is also the
 * agent's claim lock: one claim per agent at a time.
 */
export default class extends BaseSchema {
  protected tableName = 'dialer_agent_states'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table
        .integer('user_id')
        .unsigned()
        .primary()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.integer('campaign_id').unsigned().nullable()
      table.string('state', 16).notNullable().defaultTo('available')
      table.string('pause_reason', 120).nullable()
      table.integer('contact_id').unsigned().nullable()
      table.dateTime('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

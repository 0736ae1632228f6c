import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Which agents work which campaign.
 */
export default class extends BaseSchema {
  protected tableName = 'campaign_agents'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table
        .integer('campaign_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('campaigns')
        .onDelete('CASCADE')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.dateTime('created_at').notNullable()
      table.primary(['campaign_id', 'user_id'])
      table.index(['user_id', 'campaign_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

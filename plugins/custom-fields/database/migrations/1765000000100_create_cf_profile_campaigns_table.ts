import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The campaigns whose clients show a profile's fields.
 */
export default class extends BaseSchema {
  protected tableName = 'cf_profile_campaigns'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table
        .integer('profile_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('cf_profiles')
        .onDelete('CASCADE')
      table
        .integer('campaign_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('campaigns')
        .onDelete('CASCADE')
      table.primary(['profile_id', 'campaign_id'])
      table.index(['campaign_id'], 'cf_profile_campaigns_campaign_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

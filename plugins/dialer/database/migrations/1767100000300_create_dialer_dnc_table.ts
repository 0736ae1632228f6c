import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Do-not-call: a number in E.164, or a prefix of one (`+5411`), global
 * (no campaign) or for one campaign. Never dialed.
 */
export default class extends BaseSchema {
  protected tableName = 'dialer_dnc'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('campaign_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('campaigns')
        .onDelete('CASCADE')
      table.string('number', 20).notNullable()
      table.boolean('is_prefix').notNullable().defaultTo(false)
      table.string('reason', 200).nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['number', 'campaign_id'], 'dialer_dnc_number_idx')
      table.index(['campaign_id', 'id'], 'dialer_dnc_campaign_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

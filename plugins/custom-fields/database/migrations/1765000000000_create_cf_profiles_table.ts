import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Profiles (P1): a named set of custom fields for some campaigns.
 */
export default class extends BaseSchema {
  protected tableName = 'cf_profiles'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('name', 120).notNullable().unique()
      table.string('description', 500).nullable()
      table.string('status', 10).notNullable().defaultTo('active')
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

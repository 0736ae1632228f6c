import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The last column mapping used to import a resource into a campaign
 * (issue 14), proposed at the next upload: one row per resource and
 * campaign (`scope_key` is "campaign:<id>", or "none" without a campaign,
 * so the pair is unique on both databases).
 */
export default class extends BaseSchema {
  protected tableName = 'import_mappings'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('resource', 60).notNullable()
      table.string('scope_key', 40).notNullable()
      table
        .integer('campaign_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('campaigns')
        .onDelete('CASCADE')
      table.text('mapping').notNullable()
      table
        .integer('updated_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.unique(['resource', 'scope_key'], { indexName: 'import_mappings_scope_unique' })
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

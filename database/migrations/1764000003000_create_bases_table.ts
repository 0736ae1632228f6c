import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Bases (issue 14): every CSV upload of clients is one, with its name,
 * campaign, file, how many rows it brought, who uploaded it and when. The
 * list is read newest first and by campaign.
 */
export default class extends BaseSchema {
  protected tableName = 'bases'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('name', 120).notNullable()
      table
        .integer('campaign_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('campaigns')
        .onDelete('SET NULL')
      table.string('file_name', 255).nullable()
      table.integer('rows').unsigned().notNullable().defaultTo(0)
      table
        .integer('created_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['campaign_id', 'id'], 'bases_campaign_idx')
      table.index(['created_at', 'id'], 'bases_created_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

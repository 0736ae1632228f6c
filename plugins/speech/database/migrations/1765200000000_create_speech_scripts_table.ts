import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One script per campaign (S1); its text is sanitized HTML.
 */
export default class extends BaseSchema {
  protected tableName = 'speech_scripts'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('campaign_id')
        .unsigned()
        .notNullable()
        .unique()
        .references('id')
        .inTable('campaigns')
        .onDelete('CASCADE')
      table.string('title', 200).notNullable()
      table.text('html', 'mediumtext').notNullable()
      table.integer('version').unsigned().notNullable().defaultTo(1)
      table
        .integer('updated_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

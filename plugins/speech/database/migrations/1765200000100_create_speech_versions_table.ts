import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every saved version of a script (S4), restorable.
 */
export default class extends BaseSchema {
  protected tableName = 'speech_versions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('script_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('speech_scripts')
        .onDelete('CASCADE')
      table.integer('version').unsigned().notNullable()
      table.string('title', 200).notNullable()
      table.text('html', 'mediumtext').notNullable()
      table
        .integer('author_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.dateTime('created_at').notNullable()
      table.unique(['script_id', 'version'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

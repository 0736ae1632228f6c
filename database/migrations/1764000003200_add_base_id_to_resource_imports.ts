import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The base an import of clients fills: every row it writes carries this
 * base, also when the import resumes after an interruption.
 */
export default class extends BaseSchema {
  protected tableName = 'resource_imports'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table
        .integer('base_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('bases')
        .onDelete('SET NULL')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropForeign(['base_id'])
      table.dropColumn('base_id')
    })
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The column mapping an import was uploaded with (issue 14): which header
 * fills which field, or is left out, as JSON. The validation and the
 * import read the file through it.
 */
export default class extends BaseSchema {
  protected tableName = 'resource_imports'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.text('column_mapping').nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('column_mapping')
    })
  }
}

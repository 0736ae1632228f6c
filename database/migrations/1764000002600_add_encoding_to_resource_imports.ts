import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The import file's encoding (utf-8 or windows-1252), told from its bytes
 * while it is uploaded: the validation and the import read the file once
 * each instead of scanning it again first to find out.
 */
export default class extends BaseSchema {
  protected tableName = 'resource_imports'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('encoding', 20).nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('encoding')
    })
  }
}

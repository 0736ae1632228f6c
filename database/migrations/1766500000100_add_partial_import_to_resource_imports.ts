import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Partial import (issue 14): a file with some invalid rows is kept, so
 * the user may import the valid ones (`skip_invalid`, set when they
 * confirm) and download the rejected rows to fix them. `rejected_rows`
 * counts the rows (not the errors) the validation refused; `file_kept`
 * says the file outlives a finished job for that download, until the
 * idle sweep gives it back.
 */
export default class extends BaseSchema {
  protected tableName = 'resource_imports'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.integer('rejected_rows').unsigned().notNullable().defaultTo(0)
      table.boolean('skip_invalid').notNullable().defaultTo(false)
      table.boolean('file_kept').notNullable().defaultTo(false)
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('rejected_rows')
      table.dropColumn('skip_invalid')
      table.dropColumn('file_kept')
    })
  }
}

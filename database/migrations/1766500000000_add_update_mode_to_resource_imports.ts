import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Update mode of a CSV import (issue 14): the rows whose key field
 * (`key_field`: a document, a phone…) matches a record update that record's
 * `update_fields` (a JSON list) instead of creating another one. The
 * validation counts the rows that match (`matched_rows`), the import the
 * records it updated (`updated_rows`), each in the transaction of its rows.
 */
export default class extends BaseSchema {
  protected tableName = 'resource_imports'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('mode', 20).notNullable().defaultTo('create')
      table.string('key_field', 64).nullable()
      table.text('update_fields').nullable()
      table.integer('matched_rows').unsigned().notNullable().defaultTo(0)
      table.integer('updated_rows').unsigned().notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('mode')
      table.dropColumn('key_field')
      table.dropColumn('update_fields')
      table.dropColumn('matched_rows')
      table.dropColumn('updated_rows')
    })
  }
}

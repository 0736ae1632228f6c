import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A client remembers the base it came in with. Deleting a base's row
 * unlinks the clients it kept (SET NULL); a base's clients are read,
 * exported and purged by this index, in id order.
 */
export default class extends BaseSchema {
  protected tableName = 'clients'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table
        .integer('base_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('bases')
        .onDelete('SET NULL')
      table.index(['base_id', 'id'], 'clients_base_idx')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropForeign(['base_id'])
      table.dropIndex(['base_id', 'id'], 'clients_base_idx')
      table.dropColumn('base_id')
    })
  }
}

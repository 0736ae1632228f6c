import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A8: saved, named segments of clients. `filter` is the engine's filter tree
 * for the clients list (JSON, `{and|or:[…]}` of `{field, op, value}`), the
 * same language as `GET /api/r/clients?filter=`: no second query language.
 */
export default class extends BaseSchema {
  protected tableName = 'ca_segments'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('name', 120).notNullable().unique()
      table.text('filter').notNullable()
      table.integer('created_by').unsigned().nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Campaigns (C16): inbound voice or outbound dialer. Every campaign-scoped
 * plugin (speech, tipificaciones, dialer, custom-fields profiles) keys on them.
 */
export default class extends BaseSchema {
  protected tableName = 'campaigns'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('name', 120).notNullable().unique()
      table.string('type', 20).notNullable()
      table.boolean('active').notNullable().defaultTo(true)
      table.string('description', 500).nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

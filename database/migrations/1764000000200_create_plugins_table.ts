import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One row per discovered plugin: whether it is enabled and which version
 * was installed. Rows of plugins whose folder disappeared are kept so that
 * putting the folder back restores the previous state.
 */
export default class extends BaseSchema {
  protected tableName = 'plugins'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('name', 100).primary()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.string('version', 40).notNullable()
      table.dateTime('installed_at').notNullable()
      table.dateTime('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/** What the agent wrote when creating an agenda event (D5), shown when it is selected. */
export default class extends BaseSchema {
  protected tableName = 'tip_callbacks'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('notes', 500).nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('notes')
    })
  }
}

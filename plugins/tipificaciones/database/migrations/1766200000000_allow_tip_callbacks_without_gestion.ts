import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * An agent's own agenda event (D5) is a callback no gestión created: its
 * `gestion_id` may be empty.
 */
export default class extends BaseSchema {
  protected tableName = 'tip_callbacks'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.bigInteger('gestion_id').unsigned().nullable().alter()
    })
  }

  async down() {
    this.defer(async (db) => {
      await db.from(this.tableName).whereNull('gestion_id').delete()
    })
    this.schema.alterTable(this.tableName, (table) => {
      table.bigInteger('gestion_id').unsigned().notNullable().alter()
    })
  }
}

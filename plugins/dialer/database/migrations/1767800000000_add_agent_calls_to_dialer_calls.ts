import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Calls an agent places (click-to-call, preview after "Siguiente contacto") go through the
 * telephony adapter too, and are followed in `dialer_calls` like the pacer's: `origin` says
 * who placed the call (`paced` or `agent`, so the abandon rate counts only the pacer's), and a
 * click-to-call has no hopper contact.
 */
export default class extends BaseSchema {
  protected tableName = 'dialer_calls'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('origin', 8).notNullable().defaultTo('paced')
      table.integer('contact_id').unsigned().nullable().alter()
    })
  }

  async down() {
    this.defer(async (db) => {
      await db.from(this.tableName).whereNull('contact_id').delete()
    })
    this.schema.alterTable(this.tableName, (table) => {
      table.integer('contact_id').unsigned().notNullable().alter()
      table.dropColumn('origin')
    })
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A field is retired by the engine's archive (P5): `archived_at` set while
 * retired replaces the `status` column, so there is one truth and the
 * status shown is derived from it. Retired fields keep the time of their
 * last change as the time they were archived.
 */
export default class extends BaseSchema {
  protected tableName = 'cf_fields'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dateTime('archived_at').nullable()
    })
    this.defer(async (db) => {
      await db
        .from(this.tableName)
        .where('status', 'retired')
        .update({ archived_at: db.knexRawQuery('updated_at') })
    })
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('status')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('status', 10).notNullable().defaultTo('active')
    })
    this.defer(async (db) => {
      await db.from(this.tableName).whereNotNull('archived_at').update({ status: 'retired' })
    })
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('archived_at')
    })
  }
}

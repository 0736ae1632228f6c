import { BaseSchema } from '@adonisjs/lucid/schema'
import { ensureCatalogue } from '../../backend/catalogue.ts'

/**
 * The alert catalogue (A1), seeded with the five types of seed 003. `key`
 * names a seeded type the code raises by itself (webhooks, the broken-promise
 * sweep); supervisors' own types have none. `lifted_by` is the rule that lifts
 * a type automatically: `payment` (a payment, a promise, a "pago a verificar"),
 * `contact` (a new phone or e-mail on the channel) or `manual` (by hand only).
 * A deleted type is archived, so its history keeps its name.
 */
export default class extends BaseSchema {
  protected tableName = 'ca_alert_types'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('key', 40).nullable().unique()
      table.string('name', 80).notNullable()
      table.string('color', 20).notNullable()
      table.string('icon', 40).notNullable().defaultTo('WarningOutlined')
      table.string('alert_group', 20).notNullable()
      table.string('lifted_by', 20).notNullable().defaultTo('manual')
      table.dateTime('archived_at').nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['alert_group', 'id'])
    })
    this.defer((db) => ensureCatalogue(db))
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

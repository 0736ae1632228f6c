import { BaseSchema } from '@adonisjs/lucid/schema'

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
    this.defer(async (db) => {
      const now = '2026-12-01 00:00:00'
      const row = (key: string, name: string, color: string, icon: string, group: string) => ({
        key,
        name,
        color,
        icon,
        alert_group: group,
        lifted_by: group === 'payment' ? 'payment' : 'contact',
        created_at: now,
        updated_at: now,
      })
      await db.table(this.tableName).multiInsert([
        row('no_quiere_pagar', 'No quiere pagar', 'red', 'StopOutlined', 'payment'),
        row('no_puede_pagar', 'No puede pagar', 'gold', 'WarningOutlined', 'payment'),
        row('contactabilidad', 'Problema de contactabilidad', 'orange', 'ExclamationCircleOutlined', 'contact'),
        row('reestructuracion', 'Reestructuración', 'blue', 'ReconciliationOutlined', 'payment'),
        row('refinanciacion', 'Refinanciación', 'purple', 'DollarOutlined', 'payment'),
        row('promesa_incumplida', 'Promesa incumplida', 'volcano', 'FieldTimeOutlined', 'payment'),
      ])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * How a dialer campaign places its calls (issue 16, dialing modes):
 * `preview` (the agent dials), `progressive` (one call per free agent),
 * `ratio` (`dial_level` calls per free agent, capped by `max_dial_level`)
 * or `adaptive` (as many as keep abandons under `target_abandon_rate`).
 */
export default class extends BaseSchema {
  protected tableName = 'dialer_settings'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('dial_mode', 12).notNullable().defaultTo('preview')
      table.decimal('dial_level', 4, 2).notNullable().defaultTo(1.5)
      table.decimal('max_dial_level', 4, 2).notNullable().defaultTo(3)
      table.decimal('target_abandon_rate', 5, 4).notNullable().defaultTo(0.03)
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('dial_mode')
      table.dropColumn('dial_level')
      table.dropColumn('max_dial_level')
      table.dropColumn('target_abandon_rate')
    })
  }
}

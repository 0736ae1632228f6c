import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * "Para mí" (seed 001): a callback an agent scheduled for itself is handed
 * to that agent only. The contact and its hopper row carry the agent.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('dialer_contacts', (table) => {
      table.integer('reserved_for').unsigned().nullable()
    })
    this.schema.alterTable('dialer_hopper', (table) => {
      table.integer('reserved_for').unsigned().nullable()
    })
  }

  async down() {
    this.schema.alterTable('dialer_hopper', (table) => {
      table.dropColumn('reserved_for')
    })
    this.schema.alterTable('dialer_contacts', (table) => {
      table.dropColumn('reserved_for')
    })
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'
import { ensureContactabilityStates } from '../../backend/catalogue.ts'

/**
 * A6 "Contactabilidad": the problem states (no contactable, con problemas de
 * contactabilidad) and, per client that has one, its state, kept by every
 * raise and lift of a contactability alert. The clients' `contactability`
 * field reads it, so the list filters by state (or by none: contactable and
 * nuevos) with an EXISTS on (state_id, client_id).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ca_contactability_states', (table) => {
      table.increments('id')
      table.string('key', 40).notNullable().unique()
      table.string('name', 80).notNullable()
    })
    this.schema.createTable('ca_client_contactability', (table) => {
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .primary()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table
        .integer('state_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('ca_contactability_states')
      table.index(['state_id', 'client_id'])
    })
    this.defer((db) => ensureContactabilityStates(db))
  }

  async down() {
    this.schema.dropTable('ca_client_contactability')
    this.schema.dropTable('ca_contactability_states')
  }
}

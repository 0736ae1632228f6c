import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The contacts a list materialized (one client, one phone to dial). The
 * status says where each stands: new, claimed (an agent has it), recall
 * or callback (due at `next_at`), dnc, done. `returned_at` marks a claim
 * that timed out and went back to the hopper (it happens once).
 */
export default class extends BaseSchema {
  protected tableName = 'dialer_contacts'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('list_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('dialer_lists')
        .onDelete('CASCADE')
      table.integer('campaign_id').unsigned().notNullable()
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table.string('phone', 20).notNullable()
      table.string('country', 2).nullable()
      table.string('status', 16).notNullable().defaultTo('new')
      table.integer('attempts').notNullable().defaultTo(0)
      table.dateTime('next_at').nullable()
      table.integer('claimed_by').unsigned().nullable()
      table.dateTime('claimed_at').nullable()
      table.dateTime('returned_at').nullable()
      table.string('last_result', 120).nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.unique(['list_id', 'client_id'])
      table.index(['campaign_id', 'status', 'next_at', 'id'], 'dialer_contacts_queue_idx')
      table.index(['list_id', 'status'], 'dialer_contacts_list_status_idx')
      table.index(['client_id', 'campaign_id'], 'dialer_contacts_client_idx')
      table.index(['claimed_by', 'status'], 'dialer_contacts_claimed_idx')
      table.index(['status', 'claimed_at'], 'dialer_contacts_stale_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The calls the pacer placed (progressive, ratio, adaptive), one row per
 * attempt: `dialing` until answered or ended, `connected` while an agent
 * talks, then `ended` with its outcome (connected, abandoned, machine,
 * unanswered, failed). The wallboard reads calls in progress and the
 * abandon rate from it, whichever node paces the campaign.
 */
export default class extends BaseSchema {
  protected tableName = 'dialer_calls'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      // set once the call is put through: its hang-up ends the row
      table.string('call_id', 64).nullable().unique()
      table.integer('campaign_id').unsigned().notNullable()
      table.integer('contact_id').unsigned().notNullable()
      table.integer('client_id').unsigned().notNullable()
      table.integer('agent_id').unsigned().nullable()
      table.string('state', 12).notNullable()
      table.string('outcome', 16).nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('ended_at').nullable()
      table.index(['campaign_id', 'state'], 'dialer_calls_state_idx')
      table.index(['campaign_id', 'created_at'], 'dialer_calls_recent_idx')
      table.index(['contact_id', 'state'], 'dialer_calls_contact_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

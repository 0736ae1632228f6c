import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A dialer campaign's rules: calling hours in the client's local time,
 * attempts per contact, hours before a no-answer is dialed again, how
 * long a claim may stay open, and how deep the hopper is kept.
 */
export default class extends BaseSchema {
  protected tableName = 'dialer_settings'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('campaign_id')
        .unsigned()
        .notNullable()
        .unique()
        .references('id')
        .inTable('campaigns')
        .onDelete('CASCADE')
      table.string('call_start', 5).notNullable().defaultTo('08:00')
      table.string('call_end', 5).notNullable().defaultTo('21:00')
      table.integer('max_attempts').notNullable().defaultTo(3)
      table.integer('recycle_hours').notNullable().defaultTo(4)
      table.integer('claim_timeout_minutes').notNullable().defaultTo(15)
      table.integer('hopper_size').notNullable().defaultTo(200)
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every alert a client had: raised (when, by whom or what, why) and lifted.
 * `active_key` holds the channel (or `-`) while the alert is up and NULL once
 * lifted: the unique key (client, type, active_key) lets one active alert per
 * client, type and channel exist, so two concurrent raises insert one row
 * (NULLs never collide, so the lifted history is unbounded).
 */
export default class extends BaseSchema {
  protected tableName = 'ca_client_alerts'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table
        .integer('alert_type_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('ca_alert_types')
      table.string('detail', 40).nullable()
      table.string('channel', 20).nullable()
      table.string('channel_value', 254).nullable()
      table.string('source', 20).notNullable()
      table.string('active_key', 20).nullable()
      table.dateTime('raised_at').notNullable()
      table.integer('raised_by').unsigned().nullable()
      table.string('raised_reason', 255).nullable()
      table.dateTime('lifted_at').nullable()
      table.integer('lifted_by').unsigned().nullable()
      table.string('lifted_reason', 255).nullable()
      table.unique(['client_id', 'alert_type_id', 'active_key'], 'ca_client_alerts_active_uq')
      table.index(['alert_type_id', 'active_key'])
      table.index(['raised_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

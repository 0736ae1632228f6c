import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every contact with a client, whatever produced it (a notification, a
 * gestión recorded by the tipificaciones plugin, a call): the client
 * dashboard (C15) counts them by channel, campaign and result.
 */
export default class extends BaseSchema {
  protected tableName = 'client_interactions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table.string('channel', 20).notNullable()
      table.string('direction', 3).notNullable()
      table
        .integer('campaign_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('campaigns')
        .onDelete('SET NULL')
      table.string('result', 120).nullable()
      table.string('source', 60).notNullable()
      table
        .integer('user_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.dateTime('occurred_at').notNullable()
      table.index(['client_id', 'occurred_at'], 'client_interactions_client_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

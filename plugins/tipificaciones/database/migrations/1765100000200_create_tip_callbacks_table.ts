import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Scheduled callbacks created by gestiones (T6, T7): the agent's own when
 * "Para mí", else for whoever the dialer hands them to.
 */
export default class extends BaseSchema {
  protected tableName = 'tip_callbacks'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.bigInteger('gestion_id').unsigned().notNullable()
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table
        .integer('campaign_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('campaigns')
        .onDelete('CASCADE')
      table
        .integer('user_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.dateTime('due_at').notNullable()
      table.string('phone', 20).nullable()
      table.string('status', 10).notNullable().defaultTo('pending')
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').notNullable()
      table.index(['user_id', 'status', 'due_at'], 'tip_callbacks_user_idx')
      table.index(['client_id', 'status'], 'tip_callbacks_client_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

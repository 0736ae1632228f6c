import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Gestiones (T6): what an agent recorded for a client in a campaign. The
 * chosen path is kept by id and as text, so renaming a result later does
 * not rewrite history.
 */
export default class extends BaseSchema {
  protected tableName = 'tip_gestiones'

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
      table
        .integer('campaign_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('campaigns')
        .onDelete('CASCADE')
      table.integer('result_id').unsigned().notNullable()
      table.integer('level1_id').unsigned().notNullable()
      table.integer('level2_id').unsigned().nullable()
      table.integer('level3_id').unsigned().nullable()
      table.string('result_path', 400).notNullable()
      table.text('notes').nullable()
      table.dateTime('callback_at').nullable()
      table.string('alternate_phone', 20).nullable()
      table.boolean('for_me').notNullable().defaultTo(false)
      table
        .integer('user_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.dateTime('created_at').notNullable()
      table.index(['client_id', 'id'], 'tip_gestiones_client_idx')
      table.index(['user_id', 'created_at'], 'tip_gestiones_user_idx')
      table.index(['campaign_id', 'created_at'], 'tip_gestiones_campaign_idx')
      table.index(['result_id'], 'tip_gestiones_result_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

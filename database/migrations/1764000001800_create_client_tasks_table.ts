import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Tasks on a client (C10): due date, done box, who does it.
 */
export default class extends BaseSchema {
  protected tableName = 'client_tasks'

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
      table.string('title', 200).notNullable()
      table.dateTime('due_at').nullable()
      table.boolean('done').notNullable().defaultTo(false)
      table.dateTime('done_at').nullable()
      table
        .integer('assigned_user_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table
        .integer('created_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['client_id', 'id'], 'client_tasks_client_idx')
      table.index(['assigned_user_id', 'done', 'due_at'], 'client_tasks_assignee_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

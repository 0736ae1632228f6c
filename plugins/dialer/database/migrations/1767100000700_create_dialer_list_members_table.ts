import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A large list is built in the background: the request stages the
 * selected clients here (two columns, fast) and the job materializes them
 * as contacts in batches, each batch one transaction. `building` tells
 * the Marcador page the list is still filling.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('dialer_list_members', (table) => {
      table
        .integer('list_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('dialer_lists')
        .onDelete('CASCADE')
      table.integer('client_id').unsigned().notNullable()
      table.primary(['list_id', 'client_id'])
    })
    this.schema.alterTable('dialer_lists', (table) => {
      table.boolean('building').notNullable().defaultTo(false)
    })
  }

  async down() {
    this.schema.alterTable('dialer_lists', (table) => {
      table.dropColumn('building')
    })
    this.schema.dropTable('dialer_list_members')
  }
}

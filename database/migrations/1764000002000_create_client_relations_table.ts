import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Related clients with tags describing the relation (C13). A relation is
 * stored once per direction pair (client_id < related_client_id is not
 * required: the service stores the pair as given and refuses duplicates).
 */
export default class extends BaseSchema {
  protected tableName = 'client_relations'

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
        .integer('related_client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table.string('tags', 500).notNullable().defaultTo('')
      table.dateTime('created_at').notNullable()
      table.unique(['client_id', 'related_client_id'])
      table.index(['related_client_id'], 'client_relations_related_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

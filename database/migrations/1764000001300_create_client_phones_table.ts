import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Phones of a client (C3), stored in E.164. `e164` is indexed for the
 * caller-ID screen-pop lookup; one phone per client is primary.
 */
export default class extends BaseSchema {
  protected tableName = 'client_phones'

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
      table.string('e164', 20).notNullable()
      table.string('country', 2).nullable()
      table.string('label', 40).nullable()
      table.boolean('is_primary').notNullable().defaultTo(false)
      table.boolean('verified').notNullable().defaultTo(false)
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['e164'], 'client_phones_e164_idx')
      table.index(['client_id', 'is_primary'], 'client_phones_client_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

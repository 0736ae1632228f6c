import { BaseSchema } from '@adonisjs/lucid/schema'

/** The reasons a supervisor offers for switching a wallet on or off (W1). */
export default class extends BaseSchema {
  protected tableName = 'tubolsillo_reasons'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('label', 120).notNullable()
      table.string('applies_to', 20).notNullable().defaultTo('both')
      table.boolean('active').notNullable().defaultTo(true)
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

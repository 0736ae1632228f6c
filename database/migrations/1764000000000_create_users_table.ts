import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table.string('full_name', 150).notNullable()
      table.string('email', 254).notNullable().unique()
      table.string('password', 255).notNullable()
      table.string('role', 20).notNullable().index()
      table.string('locale', 5).notNullable().defaultTo('es')
      table.string('timezone', 64).notNullable().defaultTo('America/Bogota')
      table.boolean('active').notNullable().defaultTo(true)
      // Bumped by "log out everywhere": sessions carrying an older value are refused.
      table.integer('session_version').unsigned().notNullable().defaultTo(1)
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

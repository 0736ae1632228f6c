import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Grants as data: whether a role holds a permission (a kernel key such as
 * `users.manage`, a plugin manifest's key, or a resource action
 * `<resource>.<action>`). Missing rows are seeded from the declared
 * defaults; an admin's choice is never overwritten. The admin role is not
 * stored: it holds every permission.
 */
export default class extends BaseSchema {
  protected tableName = 'role_permissions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('role', 20).notNullable()
      table.string('permission', 150).notNullable()
      table.boolean('granted').notNullable()
      table.dateTime('updated_at').notNullable()
      table
        .integer('updated_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.unique(['role', 'permission'], { indexName: 'role_permissions_role_permission_unique' })
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

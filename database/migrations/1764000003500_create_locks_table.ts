import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The database store of @adonisjs/lock (config/lock.ts), used when Redis is
 * not configured: one row per held lock. `expiration` is epoch milliseconds
 * (the store's own format), null for a lock without a TTL.
 */
export default class extends BaseSchema {
  protected tableName = 'locks'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('key', 255).notNullable().primary()
      table.string('owner', 255).notNullable()
      table.bigint('expiration').unsigned().nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Append-only trail of every mutation: who, what, on which record, the
 * state before and after, from where and when. Read per record (history
 * tab) and per actor, hence the two composite indexes.
 */
export default class extends BaseSchema {
  protected tableName = 'audit_logs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.integer('actor_id').unsigned().nullable()
      table.string('action', 60).notNullable()
      table.string('resource', 100).notNullable()
      table.string('record_id', 64).nullable()
      table.text('before').nullable()
      table.text('after').nullable()
      table.string('ip', 45).nullable()
      table.string('request_id', 64).nullable()
      table.dateTime('created_at').notNullable()
      table.index(['resource', 'record_id', 'id'], 'audit_logs_record_idx')
      table.index(['actor_id', 'id'], 'audit_logs_actor_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

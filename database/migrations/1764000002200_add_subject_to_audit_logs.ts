import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The record an audit entry belongs to, when it is not the changed row
 * itself: a phone's or note's entry names its client, so the client's log
 * (C7) and history (C9) are one indexed query.
 */
export default class extends BaseSchema {
  protected tableName = 'audit_logs'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('subject', 100).nullable()
      table.string('subject_id', 64).nullable()
      table.index(['subject', 'subject_id', 'id'], 'audit_logs_subject_idx')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['subject', 'subject_id', 'id'], 'audit_logs_subject_idx')
      table.dropColumn('subject')
      table.dropColumn('subject_id')
    })
  }
}

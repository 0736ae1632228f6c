import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One audit entry for a batch of created records (an import writes one
 * per 1,000 rows) names the consecutive ids it covers. A record's history
 * finds it by the range's end: the entries of `resource` whose range ends
 * at or after the id, read in order of that end, stop at the first that
 * starts after it (ranges of one resource do not overlap).
 */
export default class extends BaseSchema {
  protected tableName = 'audit_logs'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.bigInteger('range_from').nullable()
      table.bigInteger('range_to').nullable()
      table.index(['resource', 'range_to', 'range_from'], 'audit_logs_range_idx')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['resource', 'range_to', 'range_from'], 'audit_logs_range_idx')
      table.dropColumn('range_from')
      table.dropColumn('range_to')
    })
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The records one audit entry covers when they are not consecutive ids
 * (an assignment batch: 1,000 clients scattered over the table, one entry).
 * A record's history finds its entries by (resource, record_id). The ids
 * of consecutive batches (imports) stay on audit_logs.range_from/range_to.
 */
export default class extends BaseSchema {
  protected tableName = 'audit_log_records'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('resource', 100).notNullable()
      table.bigInteger('record_id').notNullable()
      table.bigInteger('audit_log_id').unsigned().notNullable()
      table.primary(['resource', 'record_id', 'audit_log_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Campaigns with history are archived, not deleted: `archived_at` is set
 * while archived. Pickers list the campaigns where it is null, by name.
 */
export default class extends BaseSchema {
  protected tableName = 'campaigns'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dateTime('archived_at').nullable()
      table.index(['archived_at', 'name'], 'campaigns_archived_name_idx')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['archived_at', 'name'], 'campaigns_archived_name_idx')
      table.dropColumn('archived_at')
    })
  }
}

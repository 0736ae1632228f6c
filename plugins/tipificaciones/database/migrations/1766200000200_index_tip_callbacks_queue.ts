import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A campaign's shared queue (callbacks without an agent, due first) and the
 * supervisor's agenda by campaign read this index.
 */
export default class extends BaseSchema {
  protected tableName = 'tip_callbacks'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.index(['status', 'campaign_id', 'due_at'], 'tip_callbacks_queue_idx')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['status', 'campaign_id', 'due_at'], 'tip_callbacks_queue_idx')
    })
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Which process runs an import (`host:port`): after a restart a node
 * knows at once which of the running jobs were its own, so they become
 * resumable at boot instead of after two silent minutes.
 */
export default class extends BaseSchema {
  protected tableName = 'resource_imports'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('runner', 160).nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('runner')
    })
  }
}

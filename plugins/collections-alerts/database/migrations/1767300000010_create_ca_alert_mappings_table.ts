import { BaseSchema } from '@adonisjs/lucid/schema'

/** A2: the tipificaciones result whose gestión raises an alert type (one type per result). */
export default class extends BaseSchema {
  protected tableName = 'ca_alert_mappings'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      // no foreign key: plugins' migrations run folder by folder, this one before
      // tipificaciones' (MySQL refuses a key to a table not made yet); a mapping of a
      // deleted result matches no gestión
      table.integer('result_id').unsigned().notNullable()
      table
        .integer('alert_type_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('ca_alert_types')
        .onDelete('CASCADE')
      table.string('detail', 40).nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.unique(['result_id'])
      table.index(['alert_type_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Field definitions (P2). `key` is also the name of the clients column
 * that stores the values; it is unique across profiles and never reused,
 * so a retired field's values stay recoverable (P5).
 */
export default class extends BaseSchema {
  protected tableName = 'cf_fields'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('profile_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('cf_profiles')
        .onDelete('CASCADE')
      table.string('key', 40).notNullable().unique()
      table.string('type', 20).notNullable()
      table.string('label_es', 120).notNullable()
      table.string('label_en', 120).notNullable()
      table.string('help_es', 300).nullable()
      table.string('help_en', 300).nullable()
      table.boolean('required').notNullable().defaultTo(false)
      table.string('default_value', 255).nullable()
      table.text('options').nullable()
      table.decimal('min', 18, 4).nullable()
      table.decimal('max', 18, 4).nullable()
      table.string('group_name', 60).nullable()
      table.integer('sort_order').notNullable().defaultTo(0)
      table.string('status', 10).notNullable().defaultTo('active')
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').notNullable()
      table.index(['profile_id', 'sort_order'], 'cf_fields_profile_idx')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

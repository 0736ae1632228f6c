import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Clients (C1, C2, C8, C11). Every list filter and sort the admin offers is
 * backed by an index ending in id, so that keyset-friendly pages stay fast at
 * a million rows. `search_name` is the lower-cased "first last" name for
 * prefix search; `primary_phone` mirrors the primary phone for lists.
 */
export default class extends BaseSchema {
  protected tableName = 'clients'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('first_name', 100).notNullable()
      table.string('last_name', 100).nullable()
      // Name prefix search is `search_name LIKE 'ana%'` sorted by search_name.
      // SQLite's LIKE is case-insensitive and uses an index only on a NOCASE
      // column; MySQL's *_ci collations already compare that way. The value
      // is lower-cased anyway, so NOCASE changes no result.
      if (this.#sqlite()) {
        table.specificType('search_name', 'VARCHAR(201) COLLATE NOCASE').notNullable()
      } else {
        table.string('search_name', 201).notNullable()
      }
      table.string('document', 40).nullable()
      table.string('email', 254).nullable()
      table.string('primary_phone', 20).nullable()
      table.string('country', 2).nullable()
      table.string('gender', 10).nullable()
      table.date('birth_date').nullable()
      table.string('status', 20).notNullable().defaultTo('new')
      table.boolean('vip').notNullable().defaultTo(false)
      table.boolean('bad').notNullable().defaultTo(false)
      table
        .integer('campaign_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('campaigns')
        .onDelete('SET NULL')
      table
        .integer('assigned_user_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.dateTime('last_interaction_at').nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()

      table.index(['assigned_user_id', 'id'], 'clients_assigned_idx')
      table.index(['campaign_id', 'status', 'id'], 'clients_campaign_status_idx')
      table.index(['document'], 'clients_document_idx')
      table.index(['email'], 'clients_email_idx')
      table.index(['primary_phone'], 'clients_primary_phone_idx')
      table.index(['created_at', 'id'], 'clients_created_idx')
      table.index(['status', 'id'], 'clients_status_idx')
      table.index(['search_name', 'id'], 'clients_search_name_idx')
      table.index(['last_name', 'id'], 'clients_last_name_idx')
      table.index(['first_name', 'id'], 'clients_first_name_idx')
      table.index(['updated_at', 'id'], 'clients_updated_idx')
    })
  }

  #sqlite() {
    return this.db.dialect.name === 'better-sqlite3' || this.db.dialect.name === 'sqlite3'
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

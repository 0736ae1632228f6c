import { BaseSchema } from '@adonisjs/lucid/schema'
import { forEachClientBatch } from '#database/client_batches'
import { documentKey } from '#services/client_names'

const BATCH = 5_000

/**
 * A document as searched (C14): letters and digits only, upper-cased
 * (`documentKey`), so "15926822" finds "15.926.822-5" by prefix on an
 * index. NOCASE on SQLite lets its LIKE use the index (the value is
 * upper-case anyway). Existing clients get theirs here, in batches.
 */
export default class extends BaseSchema {
  protected tableName = 'clients'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      if (this.#sqlite()) {
        table.specificType('document_key', 'VARCHAR(40) COLLATE NOCASE').nullable()
      } else {
        table.string('document_key', 40).nullable()
      }
      table.index(['document_key', 'id'], 'clients_document_key_idx')
    })
    this.defer((db) =>
      forEachClientBatch(
        db,
        {
          columns: ['id', 'document'],
          batch: BATCH,
          narrow: (query) => query.whereNotNull('document'),
        },
        async (trx, clients) => {
          for (const client of clients) {
            await trx
              .from('clients')
              .where('id', client.id)
              .update({ document_key: documentKey(client.document) })
          }
        }
      )
    )
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['document_key', 'id'], 'clients_document_key_idx')
      table.dropColumn('document_key')
    })
  }

  #sqlite() {
    return this.db.dialect.name === 'better-sqlite3' || this.db.dialect.name === 'sqlite3'
  }
}

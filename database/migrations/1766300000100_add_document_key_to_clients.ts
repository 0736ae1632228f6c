import { BaseSchema } from '@adonisjs/lucid/schema'
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
    this.defer(async (db) => {
      let lastId = 0
      for (;;) {
        const clients = await db
          .from('clients')
          .where('id', '>', lastId)
          .whereNotNull('document')
          .orderBy('id')
          .limit(BATCH)
          .select('id', 'document')
        if (clients.length === 0) return
        await db.transaction(async (trx) => {
          for (const client of clients) {
            await trx
              .from('clients')
              .where('id', client.id)
              .update({ document_key: documentKey(client.document) })
          }
        })
        lastId = clients[clients.length - 1].id
      }
    })
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

import { BaseSchema } from '@adonisjs/lucid/schema'
import { forEachClientBatch } from '#database/client_batches'
import { insertMany } from '#resources/bulk_insert'
import { ClientNameWords } from '#services/client_name_words'
import { NAME_WORD_LENGTH } from '#services/client_names'

const BATCH = 5_000

/**
 * The word index of client names (C14, see ClientNameWords): any word of a
 * client's names finds it by prefix (`word LIKE 'pala%'` on the primary
 * key). SQLite's LIKE uses an index only on a NOCASE column; words are
 * stored folded and lower-cased, so NOCASE changes no result. The
 * (client_id, word) index serves re-indexing a client and the cascade.
 * Existing clients are indexed here, in batches.
 */
export default class extends BaseSchema {
  protected tableName = 'client_name_words'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      if (this.#sqlite()) {
        table.specificType('word', `VARCHAR(${NAME_WORD_LENGTH}) COLLATE NOCASE`).notNullable()
      } else {
        table.string('word', NAME_WORD_LENGTH).notNullable()
      }
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('clients')
        .onDelete('CASCADE')
      table.primary(['word', 'client_id'])
      table.index(['client_id', 'word'], 'client_name_words_client_idx')
    })
    this.defer((db) =>
      forEachClientBatch(
        db,
        { columns: ['id', 'first_name', 'last_name'], batch: BATCH },
        (trx, clients) => {
          // the columns this migration creates (later ones fill the rest)
          const rows = ClientNameWords.rowsOf(clients).map(({ word, client_id }) => ({
            word,
            client_id,
          }))
          return insertMany(trx, 'client_name_words', rows)
        }
      )
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }

  #sqlite() {
    return this.db.dialect.name === 'better-sqlite3' || this.db.dialect.name === 'sqlite3'
  }
}

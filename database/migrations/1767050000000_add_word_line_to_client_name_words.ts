import { BaseSchema } from '@adonisjs/lucid/schema'
import { forEachClientBatch } from '#database/client_batches'
import { ClientNameWords } from '#services/client_name_words'
import { NAME_WORD_LENGTH, NAME_WORDS_LINE_LENGTH } from '#services/client_names'

const BATCH = 5_000

/**
 * Every row of the name word index carries its client's word line and the
 * position of its own word in it (see ClientNameWords.rowsOf), so that a
 * search tests a client's other words on the row it scans. A search scans
 * a range of the primary key (word, client_id) and reads `words` on each
 * row: MariaDB's InnoDB keeps rows in primary key order already; on SQLite
 * the table becomes WITHOUT ROWID for the same, as a rowid table would send
 * every row of the range to a random page of the table (a 1,000,000-client
 * search went from a few ms to hundreds). Existing clients are re-indexed
 * here, in batches.
 */
export default class extends BaseSchema {
  protected tableName = 'client_name_words'

  async up() {
    if (this.#sqlite()) {
      this.schema.raw(`DROP TABLE ${this.tableName}`)
      this.schema.raw(
        `CREATE TABLE ${this.tableName} (` +
          `word VARCHAR(${NAME_WORD_LENGTH}) COLLATE NOCASE NOT NULL, ` +
          'client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE, ' +
          `words VARCHAR(${NAME_WORDS_LINE_LENGTH}) NOT NULL DEFAULT '', ` +
          'word_pos SMALLINT NOT NULL DEFAULT 0, ' +
          'PRIMARY KEY (word, client_id)) WITHOUT ROWID'
      )
      this.schema.raw(
        `CREATE INDEX client_name_words_client_idx ON ${this.tableName} (client_id, word)`
      )
    } else {
      this.schema.alterTable(this.tableName, (table) => {
        // folded, lower-cased words: byte comparisons give the same answers as
        // utf8mb4_general_ci's, and LIKE / INSTR on every scanned row cost less
        table
          .string('words', NAME_WORDS_LINE_LENGTH)
          .notNullable()
          .defaultTo('')
          .collate('utf8mb4_bin')
        table.smallint('word_pos').unsigned().notNullable().defaultTo(0)
      })
    }
    this.defer((db) =>
      forEachClientBatch(
        db,
        { columns: ['id', 'first_name', 'last_name'], batch: BATCH },
        (trx, clients) => ClientNameWords.replace(trx, clients)
      )
    )
  }

  async down() {
    if (this.#sqlite()) {
      // back to 1766300000000's table, with its rows
      this.schema.raw(
        `CREATE TABLE ${this.tableName}_before (` +
          `word VARCHAR(${NAME_WORD_LENGTH}) COLLATE NOCASE NOT NULL, ` +
          'client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE, ' +
          'PRIMARY KEY (word, client_id))'
      )
      this.schema.raw(
        `INSERT INTO ${this.tableName}_before (word, client_id) SELECT word, client_id FROM ${this.tableName}`
      )
      this.schema.raw(`DROP TABLE ${this.tableName}`)
      this.schema.raw(`ALTER TABLE ${this.tableName}_before RENAME TO ${this.tableName}`)
      this.schema.raw(
        `CREATE INDEX client_name_words_client_idx ON ${this.tableName} (client_id, word)`
      )
      return
    }
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('word_pos')
      table.dropColumn('words')
    })
  }

  #sqlite() {
    return this.db.dialect.name === 'better-sqlite3' || this.db.dialect.name === 'sqlite3'
  }
}

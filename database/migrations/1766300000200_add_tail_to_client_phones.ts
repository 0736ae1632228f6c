import { BaseSchema } from '@adonisjs/lucid/schema'

const INDEX = 'client_phones_tail_idx'

/**
 * The last six digits of a phone, computed by the database (a virtual
 * generated column, indexed): a partial phone (the last 6-8 digits, or the
 * number without its country code) is a suffix of the E.164 number, and
 * `tail = '234567' AND e164 LIKE '%1234567'` finds it on an index. Every
 * writer of client_phones gets it for free.
 */
export default class extends BaseSchema {
  protected tableName = 'client_phones'

  async up() {
    this.defer(async (db) => {
      const expression = this.#sqlite() ? 'substr(e164, -6)' : 'RIGHT(e164, 6)'
      await db.rawQuery(
        `ALTER TABLE client_phones ADD COLUMN tail VARCHAR(6) GENERATED ALWAYS AS (${expression}) VIRTUAL`
      )
      await db.rawQuery(`CREATE INDEX ${INDEX} ON client_phones (tail)`)
    })
  }

  async down() {
    this.defer(async (db) => {
      await db.rawQuery(
        this.#sqlite() ? `DROP INDEX ${INDEX}` : `DROP INDEX ${INDEX} ON client_phones`
      )
      await db.rawQuery('ALTER TABLE client_phones DROP COLUMN tail')
    })
  }

  #sqlite() {
    return this.db.dialect.name === 'better-sqlite3' || this.db.dialect.name === 'sqlite3'
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

const INDEX = 'users_email_lower_unique'

/**
 * A user's e-mail is unique regardless of letter case, on both databases:
 * stored e-mails are lower-cased, and the database refuses two that differ
 * only in case (SQLite: a unique index on lower(email); MySQL/MariaDB: the
 * column compares with a case-insensitive collation, as utf8mb4_unicode_ci
 * already does, so its unique index covers it).
 *
 * Two accounts whose e-mails differ only in case cannot both be kept with
 * one lower-cased address, and picking one would lock the other user out:
 * the migration stops and names them, for an admin to change one first.
 */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.defer(async (db) => {
      const clashes = await db
        .from(this.tableName)
        .select(db.raw('lower(email) as email'))
        .count('* as n')
        .groupByRaw('lower(email)')
        .havingRaw('count(*) > 1')
      if (clashes.length > 0) {
        const list = clashes.map((row) => row.email).join(', ')
        throw new Error(
          `Users share these e-mails apart from letter case: ${list}. ` +
            'Change the e-mail of one user of each pair, then migrate again.'
        )
      }
      await db.from(this.tableName).update({ email: db.raw('lower(email)') })
      if (this.#sqlite()) {
        await db.rawQuery(`CREATE UNIQUE INDEX ${INDEX} ON users (lower(email))`)
        return
      }
      const [column] = await db
        .from('information_schema.columns')
        .where({ table_schema: db.raw('database()'), table_name: this.tableName })
        .where('column_name', 'email')
        .select('collation_name as collation')
      if (/_(bin|cs)$/i.test(String(column?.collation ?? ''))) {
        await db.rawQuery(
          'ALTER TABLE users MODIFY email VARCHAR(254) NOT NULL COLLATE utf8mb4_unicode_ci'
        )
      }
    })
  }

  async down() {
    // The lower-cased e-mails stay (no case was meaningful); the index goes.
    if (!this.#sqlite()) return
    this.defer(async (db) => {
      await db.rawQuery(`DROP INDEX IF EXISTS ${INDEX}`)
    })
  }

  #sqlite() {
    return this.db.dialect.name === 'better-sqlite3' || this.db.dialect.name === 'sqlite3'
  }
}

import Database, { type Statement } from 'better-sqlite3'
import mysql from 'mysql2/promise'

export interface Sql {
  sql: string
  bindings: readonly unknown[]
}

/**
 * The database driver itself, without Adonis, Lucid or knex: what the
 * "raw" column of the bench measures the API against.
 */
export interface RawClient {
  readonly dialect: 'sqlite' | 'mysql'
  query(statement: Sql): Promise<Array<Record<string, unknown>>>
  close(): Promise<void>
}

/**
 * better-sqlite3 on the bench file, each SQL text prepared once and its
 * statement reused, as a direct driver user would (and as the app now
 * does per connection, backend/services/sqlite_statement_cache.ts). The
 * driver is synchronous, so the "concurrent" loops of the raw bench run
 * one query at a time, as the API's single SQLite connection does.
 */
export function sqliteRawClient(path: string): RawClient {
  const db = new Database(path, { fileMustExist: true })
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  // The bench runs a few dozen distinct SQL texts: a plain Map never grows past that.
  const prepared = new Map<string, Statement>()
  const prepare = (sql: string) => {
    let statement = prepared.get(sql)
    if (!statement) prepared.set(sql, (statement = db.prepare(sql)))
    return statement
  }
  return {
    dialect: 'sqlite',
    async query({ sql, bindings }) {
      const statement = prepare(sql)
      return statement.reader
        ? (statement.all(...bindings) as Array<Record<string, unknown>>)
        : (statement.run(...bindings), [])
    },
    async close() {
      db.close()
    },
  }
}

export interface MysqlSettings {
  host: string
  port: number
  user: string
  password: string
  database?: string
}

export function mysqlSettings(database?: string): MysqlSettings {
  return {
    host: process.env.MYSQL_HOST ?? '127.0.0.1',
    port: Number(process.env.MYSQL_PORT ?? 3306),
    user: process.env.MYSQL_USER ?? 'root',
    password: process.env.MYSQL_PASSWORD ?? '',
    database,
  }
}

/**
 * A mysql2 pool of as many connections as the bench loops, with the
 * client-side parameter formatting (`query`, not `execute`) that knex's
 * mysql2 client uses too.
 */
export function mysqlRawClient(settings: MysqlSettings, connections: number): RawClient {
  const pool = mysql.createPool({
    ...settings,
    connectionLimit: connections,
    charset: 'utf8mb4',
    timezone: 'Z',
    dateStrings: ['DATE'],
  })
  return {
    dialect: 'mysql',
    async query({ sql, bindings }) {
      const [rows] = await pool.query(sql, bindings as unknown[])
      return Array.isArray(rows) ? (rows as Array<Record<string, unknown>>) : []
    },
    async close() {
      await pool.end()
    },
  }
}

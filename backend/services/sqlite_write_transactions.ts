import type { Database } from 'better-sqlite3'

/** What knex sends to open a transaction (execution/transaction.js `begin`). */
const DEFERRED_BEGIN = /^\s*BEGIN\s*;?\s*$/i

/**
 * Transactions on SQLite take the write lock when they open (`BEGIN
 * IMMEDIATE`), not at their first write. With a second connection to the
 * same file (the import worker thread's), a deferred transaction that read
 * before it wrote fails with SQLITE_BUSY as soon as the other connection
 * committed in between, without waiting: the busy timeout only applies
 * while the lock is taken. Taken at BEGIN, it waits up to busy_timeout for
 * the other writer's transaction to end, and then sees its rows.
 *
 * Rewrites knex's plain `BEGIN;` on this connection; everything else is
 * prepared as asked.
 */
export function beginImmediate(connection: Database) {
  const prepare = connection.prepare.bind(connection)
  connection.prepare = ((sql: string) =>
    prepare(DEFERRED_BEGIN.test(sql) ? 'BEGIN IMMEDIATE' : sql)) as Database['prepare']
  return connection
}

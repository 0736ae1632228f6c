import type { Database, Statement } from 'better-sqlite3'

/** Distinct SQL texts kept prepared per connection; the least recently used goes first. */
export const STATEMENT_CACHE_SIZE = 500

/**
 * knex prepares every query anew on better-sqlite3: parsing and planning
 * took more CPU than running the indexed query itself (a tenth of a list
 * request in the profile). This keeps the prepared statements of one
 * connection by SQL text and hands the same one back.
 *
 * Safe because knex runs each statement to completion synchronously
 * (`all` / `run`) before another can start on the connection; a schema
 * change (a custom field's new column) makes SQLite re-prepare the
 * statement by itself. `safeIntegers` is per statement in better-sqlite3,
 * so a reused one gets the connection's default back before knex sets its
 * own.
 */
export function cachePreparedStatements(connection: Database, size = STATEMENT_CACHE_SIZE) {
  const prepare = connection.prepare.bind(connection)
  const cache = new Map<string, Statement>()
  connection.prepare = ((sql: string) => {
    let statement = cache.get(sql)
    if (statement) {
      if (statement.busy) return prepare(sql)
      cache.delete(sql)
      statement.safeIntegers(false)
    } else {
      statement = prepare(sql)
    }
    cache.set(sql, statement)
    if (cache.size > size) cache.delete(cache.keys().next().value!)
    return statement
  }) as Database['prepare']
  return connection
}

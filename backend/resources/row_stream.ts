import Database from 'better-sqlite3'
import db from '@adonisjs/lucid/services/db'
import type { Knex } from 'knex'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/**
 * Iterates the rows of a query without holding them all in memory: a
 * streaming cursor on MySQL, a read-only SQLite handle iterating the
 * prepared statement on SQLite (the pool's single connection stays free
 * for other requests; WAL mode lets writers go on meanwhile).
 */
export async function* streamRows(
  query: DatabaseQueryBuilderContract
): AsyncGenerator<Record<string, unknown>> {
  // toKnex() applies the where clauses Lucid keeps pending until execution.
  const knexQuery = (query as unknown as { toKnex(): Knex.QueryBuilder }).toKnex()
  const connection = db.connection()
  if (connection.dialect.name === 'mysql') {
    const stream = knexQuery.stream()
    try {
      for await (const row of stream) yield row as Record<string, unknown>
    } finally {
      stream.destroy()
    }
    return
  }

  const config = db.getRawConnection(connection.connectionName)!.config as {
    connection: { filename: string }
  }
  const reader = new Database(config.connection.filename, { readonly: true, fileMustExist: true })
  try {
    const { sql, bindings } = knexQuery.toSQL().toNative()
    for (const row of reader.prepare(sql).iterate(...(bindings as unknown[]))) {
      yield row as Record<string, unknown>
    }
  } finally {
    reader.close()
  }
}

import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'

export type Row = Record<string, string | number | boolean | null>

/**
 * SQLite allows 32,766 bound values per statement; MySQL binds on the
 * client, but a statement of this size (~1 MB) stays well under its
 * max_allowed_packet too.
 */
const MAX_BINDINGS = 30_000

/**
 * Inserts rows with multi-row `INSERT … VALUES (…), (…)` statements, as many
 * rows per statement as the bindings allow. Knex's own multi-row insert
 * on SQLite is a chain of `UNION ALL SELECT` capped at 500 terms and
 * several times slower. Every row must have the keys of the first one.
 */
export async function insertRows(client: QueryClientContract, table: string, rows: Row[]) {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0])
  const perStatement = Math.max(1, Math.floor(MAX_BINDINGS / columns.length))
  const tuple = `(${columns.map(() => '?').join(', ')})`
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement)
    const bindings: Row[string][] = []
    for (const row of chunk) for (const column of columns) bindings.push(row[column])
    await client.rawQuery(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(chunk.length).fill(tuple).join(', ')}`,
      bindings as RawQueryBindings
    )
  }
}

import type { RawClient, Sql } from './raw_client.ts'

/**
 * The plan the database picks for a statement (EXPLAIN QUERY PLAN on
 * SQLite, EXPLAIN on MySQL), one line per step, for --explain and for
 * diagnosing a missed target.
 */
export async function queryPlan(raw: RawClient, statement: Sql) {
  if (raw.dialect === 'sqlite') {
    const rows = await raw.query({ ...statement, sql: `EXPLAIN QUERY PLAN ${statement.sql}` })
    return rows.map((row) => `  ${String(row.detail)}`)
  }
  const rows = await raw.query({ ...statement, sql: `EXPLAIN ${statement.sql}` })
  return rows.map(
    (row) =>
      `  ${row.select_type} ${row.table} type=${row.type} key=${row.key} rows=${row.rows} ${row.Extra ?? ''}`
  )
}

/** A statement with its bindings inlined, for reading (never for running). */
export function readable({ sql, bindings }: Sql) {
  let i = 0
  return sql.replace(/\?/g, () => {
    const value = bindings[i++]
    return typeof value === 'number' ? String(value) : `'${String(value)}'`
  })
}

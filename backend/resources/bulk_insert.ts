import type { QueryClientContract } from '@adonisjs/lucid/types/database'

type Row = Record<string, unknown>

/**
 * Bound values per statement: under MySQL's 65,535 placeholders and
 * SQLite's 32,766 (3.32+), with room to spare.
 */
const MAX_BINDINGS = 30_000

/** How this database hands back the ids of a multi-row insert. */
type IdStrategy = 'returning' | 'consecutive' | 'one-by-one'

const strategies = new Map<string, Promise<IdStrategy>>()

/**
 * Inserts many rows of one table in multi-row `INSERT`s and answers their
 * ids in the rows' order: the write that lets an import run at database
 * speed (one statement per 1,000 rows instead of one round trip per row).
 *
 * - SQLite 3.35+ and MariaDB 10.5+: `INSERT … RETURNING id`, exact ids.
 * - MySQL proper has no RETURNING: with `innodb_autoinc_lock_mode` 0 or
 *   1 a multi-row insert of known size takes consecutive ids from
 *   LAST_INSERT_ID (the first one); with mode 2 (MySQL 8's default,
 *   interleaved) ids may have gaps, so rows go one by one.
 *
 * Every row is written with the same columns (the union of the rows'
 * keys): a key a row lacks takes the column's default, as a single insert
 * without it would (`DEFAULT` on MySQL; SQLite has no DEFAULT in VALUES,
 * so the column's declared default expression is written instead).
 * A row that names its primary key keeps it.
 */
export async function bulkInsert(
  trx: QueryClientContract,
  table: string,
  primaryKey: string,
  rows: Row[]
): Promise<Array<string | number>> {
  if (rows.length === 0) return []
  const strategy = await idStrategy(trx)
  if (strategy === 'one-by-one') return insertOneByOne(trx, table, primaryKey, rows)
  const columns = unionOfKeys(rows)
  const defaults = await missingDefaults(trx, table, columns, rows)
  const perStatement = Math.max(1, Math.floor(MAX_BINDINGS / columns.length))
  const ids: Array<string | number> = []
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement)
    const { sql, bindings } = insertSql(table, columns, chunk, defaults)
    if (strategy === 'returning') {
      const returned = await runReturning(trx, `${sql} returning ${quote(primaryKey)}`, bindings)
      ids.push(
        ...returned.map((row, index) => (chunk[index][primaryKey] ?? row[primaryKey]) as number)
      )
    } else {
      const first = await runInsertId(trx, sql, bindings)
      chunk.forEach((row, index) => ids.push((row[primaryKey] as number) ?? first + index))
    }
  }
  return ids as Array<string | number>
}

/**
 * The same multi-row insert when the ids are not needed (a satellite's
 * rows): plain VALUES lists (knex writes SQLite's multi-row insert as a
 * UNION of SELECTs, which stops at 500 rows).
 */
export async function insertMany(trx: QueryClientContract, table: string, rows: Row[]) {
  if (rows.length === 0) return
  const columns = unionOfKeys(rows)
  const defaults = await missingDefaults(trx, table, columns, rows)
  const perStatement = Math.max(1, Math.floor(MAX_BINDINGS / columns.length))
  for (let start = 0; start < rows.length; start += perStatement) {
    const { sql, bindings } = insertSql(
      table,
      columns,
      rows.slice(start, start + perStatement),
      defaults
    )
    await trx.rawQuery(sql, bindings as never[])
  }
}

function unionOfKeys(rows: Row[]) {
  const columns = new Set<string>()
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key)
  return [...columns]
}

/** A table or column name as both databases read it. */
export function quote(name: string) {
  return `\`${name.replaceAll('`', '``')}\``
}

function insertSql(table: string, columns: string[], rows: Row[], defaults: Map<string, string>) {
  const bindings: unknown[] = []
  const tuples: string[] = []
  for (const row of rows) {
    const cells: string[] = []
    for (const column of columns) {
      if (column in row) {
        bindings.push(bindable(row[column]))
        cells.push('?')
      } else {
        cells.push(defaults.get(column) ?? 'DEFAULT')
      }
    }
    tuples.push(`(${cells.join(',')})`)
  }
  const sql = `insert into ${quote(table)} (${columns.map(quote).join(',')}) values ${tuples.join(',')}`
  return { sql, bindings }
}

/** What knex would bind for a value: booleans as 1/0 (SQLite refuses booleans), objects as JSON. */
/** A value as both drivers bind it: booleans as 1/0, objects as JSON. */
export function bindable(value: unknown) {
  if (value === undefined) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Buffer.isBuffer(value) ? value : JSON.stringify(value)
  }
  return value
}

async function runReturning(trx: QueryClientContract, sql: string, bindings: unknown[]) {
  const result = await trx.rawQuery(sql, bindings as never[])
  // mysql2 answers [rows, fields]; better-sqlite3 answers the rows.
  return (trx.dialect.name === 'mysql' ? result[0] : result) as Row[]
}

async function runInsertId(trx: QueryClientContract, sql: string, bindings: unknown[]) {
  const [header] = await trx.rawQuery(sql, bindings as never[])
  return Number(header.insertId)
}

async function insertOneByOne(
  trx: QueryClientContract,
  table: string,
  primaryKey: string,
  rows: Row[]
) {
  const ids: Array<string | number> = []
  for (const row of rows) {
    const [id] = await trx.insertQuery().table(table).insert(row)
    ids.push((row[primaryKey] as number) ?? Number(id))
  }
  return ids
}

/**
 * Asked once per connection pool (the answer is the server's): RETURNING
 * where the server has it, else what the auto-increment lock mode allows.
 */
function idStrategy(trx: QueryClientContract): Promise<IdStrategy> {
  if (trx.dialect.name !== 'mysql') return Promise.resolve('returning')
  const key = trx.connectionName
  let known = strategies.get(key)
  if (!known) {
    known = askServer(trx)
    strategies.set(key, known)
  }
  return known
}

async function askServer(trx: QueryClientContract): Promise<IdStrategy> {
  const [[row]] = await trx.rawQuery(
    'select version() as version, @@innodb_autoinc_lock_mode as mode'
  )
  return idStrategyFor(String(row.version), Number(row.mode))
}

/** The strategy for a MySQL-family server's version string and auto-increment lock mode. */
export function idStrategyFor(version: string, lockMode: number): IdStrategy {
  const maria = /mariadb/i.exec(version)
  const [major, minor] = version.split('.').map(Number)
  if (maria && (major > 10 || (major === 10 && minor >= 5))) return 'returning'
  return lockMode === 2 ? 'one-by-one' : 'consecutive'
}

const sqliteDefaults = new Map<string, Map<string, string>>()

/**
 * SQLite: the declared default expression of each column some row lacks
 * (`NULL` when none), read from the schema once per table and again when a
 * column is new to it (a custom field added since).
 */
async function missingDefaults(
  trx: QueryClientContract,
  table: string,
  columns: string[],
  rows: Row[]
) {
  const defaults = new Map<string, string>()
  if (trx.dialect.name === 'mysql') return defaults
  const lacking = columns.filter((column) => rows.some((row) => !(column in row)))
  if (lacking.length === 0) return defaults
  let known = sqliteDefaults.get(table)
  if (!known || lacking.some((column) => !known!.has(column))) {
    const info = (await trx.rawQuery(`pragma table_info(${quote(table)})`)) as Array<{
      name: string
      dflt_value: string | null
    }>
    known = new Map(info.map((column) => [column.name, column.dflt_value ?? 'NULL']))
    sqliteDefaults.set(table, known)
  }
  for (const column of lacking) defaults.set(column, known.get(column) ?? 'NULL')
  return defaults
}

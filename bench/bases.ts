/**
 * npm run bench -- --only bases [--db sqlite,mysql] [--clients 100000]
 *
 * Issue 14: exporting and deleting a base of N clients (default 100,000)
 * through the real server, on each database's own bench schema
 * (tmp/bench/bases.sqlite3, tablero_bench_bases). Each run inserts a
 * fresh base straight through the driver: every client with a primary
 * phone (the deletion cascades to it), 1 % with a note (kept by the
 * deletion). Then it times the streamed export (rows/s, bytes) and the
 * deletion started by POST /api/bases/:id/delete and followed as the admin
 * follows it (rows/s, longest wait between two progress moves, the kept
 * clients). Never part of npm test.
 */
import { cpus } from 'node:os'
import type { BenchOptions, DatabaseKind } from './options.ts'
import { benchDatabase } from './bench_database.ts'
import { ensureBenchData } from './bench_data.ts'
import { AppServer } from './app_server.ts'
import type { RawClient } from './raw_client.ts'

const ADMIN = { email: 'admin@tablero.test', password: 'Admin123!' }
const INSERT_BATCH = 500
const KEPT_EVERY = 100
const POLL_MS = 100

interface BasesResult {
  database: string
  clients: number
  exportSeconds: number
  exportRowsPerSecond: number
  exportMegabytes: number
  deleteSeconds: number
  deleteRowsPerSecond: number
  longestProgressGapMs: number
  kept: number
}

function placeholders(columns: number, rows: number) {
  const one = `(${Array.from({ length: columns }, () => '?').join(', ')})`
  return Array.from({ length: rows }, () => one).join(', ')
}

/** A base of `count` clients with phones, one in KEPT_EVERY with a note; answers its id. */
async function makeBase(raw: RawClient, count: number) {
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
  const stamp = Date.now().toString(36)
  await raw.query({
    sql: 'INSERT INTO bases (name, file_name, `rows`, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    bindings: [`Bench ${stamp}`, 'bench.csv', count, now, now],
  })
  const [base] = await raw.query({
    sql: 'SELECT id FROM bases WHERE name = ?',
    bindings: [`Bench ${stamp}`],
  })
  const baseId = Number(base.id)
  for (let from = 0; from < count; from += INSERT_BATCH) {
    const size = Math.min(INSERT_BATCH, count - from)
    const bindings: unknown[] = []
    for (let i = 0; i < size; i++) {
      const n = from + i
      bindings.push(`Bench${n}`, `Base ${stamp}`, `bench${n} base ${stamp}`, `D${stamp}-${n}`)
      bindings.push(`+5730${String(n).padStart(8, '0')}`, 'new', 0, 0, baseId, now)
    }
    await raw.query({
      sql:
        'INSERT INTO clients (first_name, last_name, search_name, document, primary_phone, ' +
        `status, vip, bad, base_id, created_at) VALUES ${placeholders(10, size)}`,
      bindings,
    })
  }
  const inserted = await raw.query({
    sql: 'SELECT id, primary_phone FROM clients WHERE base_id = ? ORDER BY id',
    bindings: [baseId],
  })
  const ids = inserted.map((row) => [Number(row.id), String(row.primary_phone)] as const)
  for (let from = 0; from < ids.length; from += INSERT_BATCH) {
    const slice = ids.slice(from, from + INSERT_BATCH)
    await raw.query({
      sql:
        'INSERT INTO client_phones (client_id, e164, country, is_primary, verified, created_at) ' +
        `VALUES ${placeholders(6, slice.length)}`,
      bindings: slice.flatMap(([id, phone]) => [id, phone, 'CO', 1, 0, now]),
    })
  }
  const noted = ids.filter((_, index) => index % KEPT_EVERY === 0)
  for (let from = 0; from < noted.length; from += INSERT_BATCH) {
    const slice = noted.slice(from, from + INSERT_BATCH)
    await raw.query({
      sql: `INSERT INTO client_notes (client_id, body, created_at) VALUES ${placeholders(3, slice.length)}`,
      bindings: slice.flatMap(([id]) => [id, 'Bench: kept by this note', now]),
    })
  }
  return { baseId, kept: noted.length }
}

async function timedExport(baseUrl: string, token: string, baseId: number) {
  const started = performance.now()
  const response = await fetch(`${baseUrl}/api/bases/${baseId}/export.csv`, {
    headers: { authorization: `Bearer ${token}` },
  })
  if (response.status !== 200) throw new Error(`export answered ${response.status}`)
  let bytes = 0
  let lines = 0
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length
    for (const byte of chunk) if (byte === 10) lines += 1
  }
  return { seconds: (performance.now() - started) / 1000, bytes, rows: lines - 1 }
}

async function timedDeletion(baseUrl: string, token: string, baseId: number) {
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' }
  const started = performance.now()
  const response = await fetch(`${baseUrl}/api/bases/${baseId}/delete`, {
    method: 'POST',
    headers,
  })
  if (response.status !== 202) {
    throw new Error(`delete answered ${response.status}: ${await response.text()}`)
  }
  const { data } = (await response.json()) as { data: { id: number } }
  let lastMove = performance.now()
  let lastDeleted = 0
  let longestGap = 0
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    const poll = await fetch(`${baseUrl}/api/bases/deletions/${data.id}`, { headers })
    const deletion = ((await poll.json()) as { data: any }).data
    const now = performance.now()
    if (deletion.deleted !== lastDeleted || deletion.status !== 'running') {
      longestGap = Math.max(longestGap, now - lastMove)
      lastMove = now
      lastDeleted = deletion.deleted
    }
    if (deletion.status === 'failed') throw new Error(`deletion failed: ${deletion.message}`)
    if (deletion.status === 'done') {
      return {
        seconds: (now - started) / 1000,
        deleted: Number(deletion.deleted),
        kept: Number(deletion.kept),
        longestGap,
      }
    }
  }
}

async function benchOne(kind: DatabaseKind, options: BenchOptions, count: number) {
  const database = benchDatabase(kind, {
    ...options,
    sqlitePath: options.sqlitePath ?? 'tmp/bench/bases.sqlite3',
    mysqlDatabase: options.mysqlDatabase ?? 'tablero_bench_bases',
  })
  console.log(`\n=== ${database.label}: a base of ${count} clients`)
  await ensureBenchData(database, 2000)
  const raw = database.openRaw(2)
  const server = new AppServer(database)
  try {
    const made = performance.now()
    const { baseId, kept } = await makeBase(raw, count)
    console.log(`base ${baseId} inserted in ${((performance.now() - made) / 1000).toFixed(1)} s`)
    await server.start()
    const token = await server.signIn(ADMIN.email, ADMIN.password)
    const exported = await timedExport(server.baseUrl, token, baseId)
    if (exported.rows !== count) throw new Error(`export gave ${exported.rows} rows, not ${count}`)
    console.log(`export: ${exported.rows} rows in ${exported.seconds.toFixed(2)} s`)
    const deletion = await timedDeletion(server.baseUrl, token, baseId)
    if (deletion.kept !== kept || deletion.deleted !== count - kept) {
      throw new Error(
        `deleted ${deletion.deleted} and kept ${deletion.kept}, expected ${kept} kept`
      )
    }
    console.log(`delete: ${deletion.deleted} clients in ${deletion.seconds.toFixed(2)} s`)
    const result: BasesResult = {
      database: kind === 'sqlite' ? 'SQLite' : 'MariaDB',
      clients: count,
      exportSeconds: exported.seconds,
      exportRowsPerSecond: exported.rows / exported.seconds,
      exportMegabytes: exported.bytes / 1024 / 1024,
      deleteSeconds: deletion.seconds,
      deleteRowsPerSecond: deletion.deleted / deletion.seconds,
      longestProgressGapMs: deletion.longestGap,
      kept: deletion.kept,
    }
    return result
  } finally {
    await server.stop()
    await raw.close()
  }
}

function table(rows: BasesResult[]) {
  const n = (value: number, digits = 0) =>
    value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  return [
    '| database | clients | export s | export rows/s | export MB | delete s | deleted rows/s | longest progress gap ms | kept |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.database} | ${n(row.clients)} | ${n(row.exportSeconds, 2)} | ${n(row.exportRowsPerSecond)} | ` +
        `${n(row.exportMegabytes, 1)} | ${n(row.deleteSeconds, 2)} | ${n(row.deleteRowsPerSecond)} | ` +
        `${n(row.longestProgressGapMs)} | ${n(row.kept)} |`
    ),
  ].join('\n')
}

export async function benchBases(options: BenchOptions, argv: string[]) {
  const count = argv.includes('--clients') || process.env.BENCH_CLIENTS ? options.clients : 100_000
  const rows: BasesResult[] = []
  for (const kind of options.databases) rows.push(await benchOne(kind, options, count))
  console.log(`\n${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`)
  console.log(table(rows))
}

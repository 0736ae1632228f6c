/**
 * `npm run bench -- --only import`: the generic CSV import of clients
 * through the real API (upload → validation → confirm → import) on a
 * fresh database per size, beside `LOAD DATA LOCAL INFILE` of the same
 * file on MariaDB (the database's own speed), with the server's RSS, the
 * longest wait between two progress updates, and the clients list p95
 * idle and while the import runs. See bench/README.md.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { openAsBlob } from 'node:fs'
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { resolve } from 'node:path'
import mysql from 'mysql2/promise'
import type { BenchOptions, DatabaseKind, ImportThreadKind } from './options.ts'
import { benchDatabase, type BenchDatabase } from './bench_database.ts'
import { ace } from './bench_data.ts'
import { AppServer } from './app_server.ts'
import { mysqlSettings } from './raw_client.ts'
import { phoneOf } from '../database/factories/fake_clients/phone_plan.ts'

const ADMIN = { email: 'admin@tablero.test', password: 'Admin123!' }
const POLL_MS = 100

export interface ImportResult {
  database: string
  /** where the server ran the import */
  thread: ImportThreadKind
  rows: number
  fileMb: number
  validationSeconds: number
  importSeconds: number
  rowsPerSecond: number
  loadDataRowsPerSecond: number | null
  maxRssMb: number
  maxProgressGapSeconds: number
  listIdleP95: number
  listDuringP95: number
  /** list requests answered during the import */
  listDuringRequests: number
  /** CPU the HTTP thread and the whole server used from the upload to the import's end */
  httpThreadCpuSeconds: number
  processCpuSeconds: number
  created: number
}

/**
 * Phone serials of the fake-client plan far from the demo's (client ids
 * and SECONDARY_PHONE_SERIAL + id): the file's phones are new to the database.
 */
const PHONE_SERIAL = 300_000_000

/** One line per client: distinct document, e-mail and valid phone (the fake clients' plan). */
async function ensureCsv(rows: number) {
  mkdirSync('tmp/bench', { recursive: true })
  const path = resolve(`tmp/bench/import-clients-${rows}.csv`)
  if (existsSync(path)) return path
  const out = createWriteStream(path)
  out.write('first_name,last_name,document,email,primary_phone\n')
  for (let i = 1; i <= rows; i++) {
    const phone = phoneOf(PHONE_SERIAL + i).e164
    const line = `Cliente${i},Apellido${i % 997},D${i},cliente${i}@bench.test,${phone}\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return path
}

/** The MariaDB database the import bench drops and fills: `--mysql-db`, else its own. */
function importDatabase(options: BenchOptions) {
  const name = options.mysqlDatabase ?? 'tablero_bench_import'
  if (!/^\w+$/.test(name)) throw new Error(`--mysql-db: "${name}" is not a plain name`)
  return name
}

/** A fresh, empty database (migrated, with the demo's admin) for each size. */
async function freshDatabase(kind: DatabaseKind, options: BenchOptions) {
  const database = benchDatabase(kind, {
    ...options,
    sqlitePath: 'tmp/bench/import.sqlite3',
    mysqlDatabase: importDatabase(options),
  })
  if (kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(`tmp/bench/import.sqlite3${suffix}`, { force: true })
  } else {
    const connection = await mysql.createConnection(mysqlSettings())
    await connection.query(`DROP DATABASE IF EXISTS \`${importDatabase(options)}\``)
    await connection.end()
  }
  await database.create()
  await ace(['migration:run', '--force', '--disable-locks'], database.env)
  await ace(['db:seed'], database.env)
  return database
}

function p95(samples: number[]) {
  if (samples.length === 0) return 0
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]
}

/** Clients list requests one after another until `until` says stop; their latencies in ms. */
async function listLatencies(baseUrl: string, token: string, until: () => boolean) {
  const samples: number[] = []
  while (!until()) {
    const started = performance.now()
    const response = await fetch(`${baseUrl}/api/r/clients?perPage=25&sort=-id`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    })
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`clients list answered ${response.status}`)
    samples.push(performance.now() - started)
    await new Promise((done) => setTimeout(done, 20))
  }
  return samples
}

/** CPU seconds used so far by a process, or by one of its threads (`/proc/<pid>/task/<tid>`). */
function cpuSeconds(pid: number, tid?: number) {
  const path = tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`
  const fields = readFileSync(path, 'utf8').split(') ')[1].split(' ')
  // utime and stime, in ticks of 1/100 s
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** The server process's resident memory, sampled until stopped; the highest in MB. */
function sampleRss(pid: number) {
  let max = 0
  const read = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      max = Math.max(max, kb / 1024)
    } catch {
      // process gone
    }
  }
  const timer = setInterval(read, 200)
  read()
  return () => {
    clearInterval(timer)
    read()
    return max
  }
}

type Job = {
  id: number
  status: string
  validatedRows: number
  processedRows: number
  createdRows: number
  message: string | null
  errorCount: number
}

/**
 * Polls the job every POLL_MS until it leaves `running`; answers the
 * job and the longest time between two changes of its counter.
 */
async function follow(
  baseUrl: string,
  token: string,
  id: number,
  running: string,
  counter: 'validatedRows' | 'processedRows'
) {
  let last = -1
  let lastChange = performance.now()
  let maxGap = 0
  while (true) {
    const response = await fetch(`${baseUrl}/api/r/clients/imports/${id}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    })
    const job = ((await response.json()) as { data: Job }).data
    const now = performance.now()
    if (job[counter] !== last) {
      if (last >= 0) maxGap = Math.max(maxGap, now - lastChange)
      last = job[counter]
      lastChange = now
    }
    if (job.status !== running) return { job, maxGapMs: maxGap }
    await new Promise((done) => setTimeout(done, POLL_MS))
  }
}

async function importThroughApi(server: AppServer, token: string, path: string) {
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' }
  const form = new FormData()
  form.append('file', await openAsBlob(path), 'clientes.csv')
  const uploaded = await fetch(`${server.baseUrl}/api/r/clients/imports`, {
    method: 'POST',
    headers,
    body: form,
  })
  if (uploaded.status !== 202)
    throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`)
  const { id } = ((await uploaded.json()) as { data: Job }).data
  const validationStart = performance.now()
  const checked = await follow(server.baseUrl, token, id, 'validating', 'validatedRows')
  const validationSeconds = (performance.now() - validationStart) / 1000
  if (checked.job.status !== 'ready')
    throw new Error(`validation: ${JSON.stringify(checked.job).slice(0, 500)}`)
  const importStart = performance.now()
  const started = await fetch(`${server.baseUrl}/api/r/clients/imports/${id}/start`, {
    method: 'POST',
    headers,
  })
  if (started.status !== 202) throw new Error(`start: ${started.status}`)
  let importing = true
  const during = listLatencies(server.baseUrl, token, () => !importing)
  const imported = await follow(server.baseUrl, token, id, 'importing', 'processedRows')
  importing = false
  const importSeconds = (performance.now() - importStart) / 1000
  if (imported.job.status !== 'done')
    throw new Error(`import: ${JSON.stringify(imported.job).slice(0, 500)}`)
  return {
    validationSeconds,
    importSeconds,
    created: imported.job.createdRows,
    maxProgressGapSeconds: Math.max(checked.maxGapMs, imported.maxGapMs) / 1000,
    listDuring: await during,
  }
}

/**
 * LOAD DATA LOCAL INFILE of the same file into an empty copy of
 * `clients` (same columns and indexes): what MariaDB itself takes.
 */
async function loadData(path: string, options: BenchOptions) {
  const settings = {
    ...mysqlSettings(importDatabase(options)),
    infileStreamFactory: () => createReadStream(path),
  }
  const connection = await mysql.createConnection(settings as never)
  try {
    await connection.query('SET GLOBAL local_infile = 1')
    await connection.query('DROP TABLE IF EXISTS clients_load')
    await connection.query('CREATE TABLE clients_load LIKE clients')
    const started = performance.now()
    const [result] = await connection.query(
      `LOAD DATA LOCAL INFILE ? INTO TABLE clients_load CHARACTER SET utf8mb4
       FIELDS TERMINATED BY ',' LINES TERMINATED BY '\\n' IGNORE 1 LINES
       (first_name, last_name, document, email, primary_phone)
       SET search_name = LOWER(CONCAT(first_name, ' ', last_name)), status = 'new',
           created_at = UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP()`,
      [path]
    )
    const seconds = (performance.now() - started) / 1000
    const rows = Number((result as { affectedRows: number }).affectedRows)
    await connection.query('DROP TABLE clients_load')
    return rows / seconds
  } finally {
    await connection.end()
  }
}

/**
 * Waits until the server process uses less than 5 % of a core over half a
 * second (its import worker booted, its caches warm), at most 60 s: the
 * idle list is measured on an idle server.
 */
async function settled(pid: number) {
  const ticks = () => cpuSeconds(pid) * 100
  const deadline = performance.now() + 60_000
  let last = ticks()
  while (performance.now() < deadline) {
    await new Promise((done) => setTimeout(done, 500))
    const now = ticks()
    // 100 ticks a second: 5 % of one core over 0.5 s is 2.5 ticks
    if (Math.round(now - last) <= 2) return
    last = now
  }
}

async function benchSize(
  kind: DatabaseKind,
  rows: number,
  thread: ImportThreadKind,
  options: BenchOptions
): Promise<ImportResult> {
  const path = await ensureCsv(rows)
  const database: BenchDatabase = await freshDatabase(kind, options)
  const fileMb = statSync(path).size / 1024 / 1024
  const server = new AppServer(database, {
    IMPORT_MAX_MB: String(Math.ceil(fileMb) + 10),
    IMPORTS_IN_WORKER: String(thread === 'worker'),
  })
  await server.start()
  try {
    const token = await server.signIn(ADMIN.email, ADMIN.password)
    await settled(server.pid!)
    const idleUntil = performance.now() + 5000
    const listIdle = await listLatencies(server.baseUrl, token, () => performance.now() > idleUntil)
    const rss = sampleRss(server.pid!)
    // The HTTP thread's id is the process id.
    const httpCpu = cpuSeconds(server.pid!, server.pid!)
    const processCpu = cpuSeconds(server.pid!)
    const run = await importThroughApi(server, token, path)
    const httpThreadCpuSeconds = cpuSeconds(server.pid!, server.pid!) - httpCpu
    const processCpuSeconds = cpuSeconds(server.pid!) - processCpu
    const maxRssMb = rss()
    const loadDataRowsPerSecond = kind === 'mysql' ? await loadData(path, options) : null
    return {
      database: kind === 'sqlite' ? 'SQLite' : 'MariaDB',
      thread,
      rows,
      fileMb,
      validationSeconds: run.validationSeconds,
      importSeconds: run.importSeconds,
      rowsPerSecond: rows / (run.validationSeconds + run.importSeconds),
      loadDataRowsPerSecond,
      maxRssMb,
      maxProgressGapSeconds: run.maxProgressGapSeconds,
      listIdleP95: p95(listIdle),
      listDuringP95: p95(run.listDuring),
      listDuringRequests: run.listDuring.length,
      httpThreadCpuSeconds,
      processCpuSeconds,
      created: run.created,
    }
  } finally {
    await server.stop()
  }
}

export function importTable(results: ImportResult[]) {
  const header =
    '| database | import in | rows | validation s | import s | rows/s (validation+import) | LOAD DATA rows/s | % of LOAD DATA | server max RSS MB | max progress gap s | list p95 idle ms | list p95 during ms | HTTP thread CPU s | server CPU s |'
  const rule = `|${header
    .split('|')
    .slice(1, -1)
    .map(() => '---')
    .join('|')}|`
  const lines = results.map((result) => {
    const load = result.loadDataRowsPerSecond
    return `| ${result.database} | ${result.thread === 'worker' ? 'worker thread' : 'HTTP thread'} | ${result.rows.toLocaleString('en')} | ${result.validationSeconds.toFixed(1)} | ${result.importSeconds.toFixed(1)} | ${Math.round(result.rowsPerSecond).toLocaleString('en')} | ${load ? Math.round(load).toLocaleString('en') : '-'} | ${load ? ((result.rowsPerSecond / load) * 100).toFixed(1) + ' %' : '-'} | ${Math.round(result.maxRssMb)} | ${result.maxProgressGapSeconds.toFixed(2)} | ${result.listIdleP95.toFixed(1)} | ${result.listDuringP95.toFixed(1)} | ${result.httpThreadCpuSeconds.toFixed(1)} | ${result.processCpuSeconds.toFixed(1)} |`
  })
  const growth = (['SQLite', 'MariaDB'] as const).flatMap((name) =>
    (['worker', 'http'] as const).flatMap((thread) => {
      const sizes = results
        .filter((result) => result.database === name && result.thread === thread)
        .sort((a, b) => a.rows - b.rows)
      if (sizes.length < 2) return []
      const first = sizes[0]
      const last = sizes.at(-1)!
      return [
        `${name} (${thread}): server RSS +${Math.round(last.maxRssMb - first.maxRssMb)} MB from ${first.rows.toLocaleString('en')} to ${last.rows.toLocaleString('en')} rows`,
      ]
    })
  )
  return [header, rule, ...lines, '', ...growth].join('\n')
}

export async function benchImport(options: BenchOptions) {
  const results: ImportResult[] = []
  for (const kind of options.databases) {
    for (const rows of options.importRows) {
      for (const thread of options.importIn) {
        console.log(`\n=== import of ${rows.toLocaleString('en')} clients on ${kind}, ${thread}`)
        const result = await benchSize(kind, rows, thread, options)
        console.log(JSON.stringify(result))
        results.push(result)
      }
    }
  }
  return results
}

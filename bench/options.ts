import { parseArgs } from 'node:util'

export type DatabaseKind = 'sqlite' | 'mysql'

export interface BenchOptions {
  databases: DatabaseKind[]
  clients: number
  durationSeconds: number
  warmupSeconds: number
  connections: number
  only: string[] | null
  explain: boolean
  /** measure the HTTP floor (a bare node:http server running the raw statements) */
  floor: boolean
  /** how long to wait for other processes to leave the CPU before each scenario */
  waitQuietSeconds: number
  sqlitePath: string | null
  mysqlDatabase: string | null
  /** sizes of the CSV files `--only import` imports */
  importRows: number[]
  /** where `--only import` runs the import: its worker thread, the HTTP thread, or each in turn */
  importIn: ImportThreadKind[]
}

export type ImportThreadKind = 'worker' | 'http'

const HELP = `npm run bench -- [options]   (every option also reads a BENCH_* variable)
  --db sqlite,mysql     databases to measure (BENCH_DB; default both)
  --clients 1000000     clients the bench database holds (BENCH_CLIENTS)
  --duration 10         seconds measured per scenario, API and raw SQL each (BENCH_DURATION)
  --warmup 2            seconds of warm-up before each measurement (BENCH_WARMUP)
  --connections 10      concurrent HTTP connections / SQL loops (BENCH_CONNECTIONS)
  --only lookup,prefix  run only scenarios whose name contains one of these words
  --explain             print the query plan of every scenario's SQL
  --no-floor            skip the HTTP floor, a bare node:http server running the raw SQL
                        (BENCH_FLOOR=0)
  --wait-quiet 60       seconds to wait before each scenario for other processes to leave
                        the CPU below 25 % busy (BENCH_WAIT_QUIET; 0 to never wait)
  --sqlite-path FILE    default tmp/bench/clients-<clients>.sqlite3
  --rows 100000,1000000  sizes of the clients CSVs that --only import imports (BENCH_IMPORT_ROWS)
  --import-in worker,http  where the import runs: its worker thread and/or the HTTP thread
                        (IMPORTS_IN_WORKER=false), each size in turn (BENCH_IMPORT_IN; default worker)
  --short               with --only faults: scenarios 1, 2 and 5, about 10 s each (CI)
  --mysql-db NAME       default tablero_bench_<clients> (MYSQL_HOST, MYSQL_PORT, MYSQL_USER,
                        MYSQL_PASSWORD as for the app)`

/**
 * Command-line flags, falling back to BENCH_* environment variables, so
 * `npm run bench -- --clients 100000 --db sqlite` and CI-style env both work.
 */
export function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'db': { type: 'string' },
      'clients': { type: 'string' },
      'duration': { type: 'string' },
      'warmup': { type: 'string' },
      'connections': { type: 'string' },
      'only': { type: 'string' },
      'explain': { type: 'boolean' },
      'no-floor': { type: 'boolean' },
      'wait-quiet': { type: 'string' },
      'sqlite-path': { type: 'string' },
      'mysql-db': { type: 'string' },
      'rows': { type: 'string' },
      'import-in': { type: 'string' },
      'short': { type: 'boolean' },
      'help': { type: 'boolean' },
    },
  })
  if (values.help) {
    console.log(HELP)
    process.exit(0)
  }
  const env = process.env
  const databases = (values.db ?? env.BENCH_DB ?? 'sqlite,mysql')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  for (const name of databases) {
    if (name !== 'sqlite' && name !== 'mysql') throw new Error(`--db: unknown database "${name}"`)
  }
  const only = values.only ?? env.BENCH_ONLY
  return {
    databases: databases as DatabaseKind[],
    clients: whole(values.clients ?? env.BENCH_CLIENTS ?? '1000000', '--clients'),
    durationSeconds: whole(values.duration ?? env.BENCH_DURATION ?? '10', '--duration'),
    warmupSeconds: whole(values.warmup ?? env.BENCH_WARMUP ?? '2', '--warmup', 0),
    connections: whole(values.connections ?? env.BENCH_CONNECTIONS ?? '10', '--connections'),
    only: only ? only.split(',').map((word) => word.trim()) : null,
    explain: values.explain ?? env.BENCH_EXPLAIN === '1',
    floor: !values['no-floor'] && env.BENCH_FLOOR !== '0',
    waitQuietSeconds: whole(
      values['wait-quiet'] ?? env.BENCH_WAIT_QUIET ?? '60',
      '--wait-quiet',
      0
    ),
    sqlitePath: values['sqlite-path'] ?? env.BENCH_SQLITE_PATH ?? null,
    mysqlDatabase: values['mysql-db'] ?? env.BENCH_MYSQL_DB ?? null,
    importRows: (values.rows ?? env.BENCH_IMPORT_ROWS ?? '100000,1000000')
      .split(',')
      .map((size) => whole(size.trim(), '--rows')),
    importIn: importThreads(values['import-in'] ?? env.BENCH_IMPORT_IN ?? 'worker'),
  }
}

function whole(text: string, name: string, min = 1) {
  const value = Number(text.replaceAll('_', ''))
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name}: expected a number`)
  return value
}

function importThreads(text: string) {
  const kinds = text.split(',').map((kind) => kind.trim())
  for (const kind of kinds) {
    if (kind !== 'worker' && kind !== 'http') throw new Error(`--import-in: unknown "${kind}"`)
  }
  return kinds as ImportThreadKind[]
}

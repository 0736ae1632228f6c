/**
 * CPU time per request of the API and of the HTTP floor, for some scenarios
 * on the SQLite bench file or the MariaDB/MySQL bench database. Latency and req/s move with whatever else runs
 * on the machine; the CPU a server process spends per answered request
 * barely does, so this is how a change to the per-request cost is judged
 * on a shared machine. Not part of `npm run bench`.
 *
 *   node --import=@poppinss/ts-exec bench/cpu_per_request.ts \
 *     --sqlite-path tmp/bench/clients-1000000.sqlite3 --only lookup,default [--root A --root B]
 *   node --import=@poppinss/ts-exec bench/cpu_per_request.ts --db mysql \
 *     --mysql-db tablero_bench_1000000 --only lookup
 *
 * Every server (each --root's API, and the floor) starts once, on --port,
 * --port + 1, …; each round warms each up with the scenario's requests,
 * then sends --requests requests (autocannon, 10 connections) and reads
 * the process's utime + stime from /proc before and after. With several --root trees
 * (e.g. a checkout of the commit before a change) the rounds alternate
 * A, B, …, floor, so drift in the machine's load hits every column alike.
 * On MariaDB only the Node process is counted (the database server's CPU
 * is the same SQL for the API and the floor).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { readSamples } from './bench_samples.ts'
import { cpuMs } from './process_cpu.ts'
import { clientColumns, ListSql } from './list_sql.ts'
import { mysqlRawClient, mysqlSettings, sqliteRawClient } from './raw_client.ts'
import { SCENARIOS } from './scenarios.ts'

const { values } = parseArgs({
  options: {
    'db': { type: 'string', default: 'sqlite' },
    'sqlite-path': { type: 'string' },
    'mysql-db': { type: 'string', default: 'tablero_bench_1000000' },
    'only': { type: 'string', default: 'lookup' },
    'root': { type: 'string', multiple: true },
    'port': { type: 'string', default: '3406' },
    'requests': { type: 'string', default: '30000' },
    'warmup': { type: 'string', default: '5000' },
    'rounds': { type: 'string', default: '3' },
    'connections': { type: 'string', default: '10' },
    'cpu-prof-dir': { type: 'string' },
  },
})
const sqlitePath = resolve(values['sqlite-path'] ?? 'tmp/bench/clients-1000000.sqlite3')
const roots = (values.root ?? ['.']).map((root) => resolve(root))
const port = Number(values.port)

interface Running {
  child: ChildProcess
  url: string
}

async function startServer(
  cwd: string,
  script: string,
  env: Record<string, string>,
  serverPort: number
): Promise<Running> {
  const url = `http://127.0.0.1:${serverPort}`
  const profile = values['cpu-prof-dir']
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profile)}`] : []
  const child = spawn(process.execPath, [...flags, '--import=@poppinss/ts-exec', script], {
    cwd,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(serverPort) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} exited`)
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false
    )
    if (up) return { child, url }
    await new Promise((done) => setTimeout(done, 200))
  }
  throw new Error(`${script} did not answer /health`)
}

async function stopServer({ child }: Running) {
  const exited = new Promise((done) => child.once('exit', done))
  child.kill('SIGTERM')
  await exited
}

function load(url: string, paths: string[], amount: number) {
  let next = 0
  let failures = 0
  return new Promise<void>((done, fail) => {
    const instance = autocannon(
      {
        url,
        connections: Number(values.connections),
        amount,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
          },
        ],
      },
      (error) => {
        if (error) return fail(error)
        if (failures > 0) return fail(new Error(`${failures} answers were not 2xx`))
        done()
      }
    )
    instance.on('response', (_client, status) => {
      if (status < 200 || status >= 300) failures += 1
    })
  })
}

/** CPU ms per request of `server` over --requests requests, after --warmup. */
async function measure(server: Running, paths: string[]) {
  await load(server.url, paths, Number(values.warmup))
  const before = cpuMs(server.child.pid!)
  await load(server.url, paths, Number(values.requests))
  return (cpuMs(server.child.pid!) - before) / Number(values.requests)
}

const dialect = values.db === 'mysql' ? 'mysql' : 'sqlite'
const mysqlDb = values['mysql-db']!
const database: Record<string, string> =
  dialect === 'sqlite'
    ? { DB_CONNECTION: 'sqlite', SQLITE_PATH: sqlitePath }
    : (() => {
        const settings = mysqlSettings(mysqlDb)
        return {
          DB_CONNECTION: 'mysql',
          MYSQL_HOST: settings.host,
          MYSQL_PORT: String(settings.port),
          MYSQL_USER: settings.user,
          MYSQL_PASSWORD: settings.password,
          MYSQL_DB_NAME: mysqlDb,
          FLOOR_CONNECTIONS: values.connections!,
        }
      })()
const appEnv = { ...database, NODE_ENV: 'production', LOG_LEVEL: 'warn', APP_KEY: 'x'.repeat(32) }
const words = values.only!.split(',').map((word) => word.trim())
// Lists only: the reference scenario has no statements for the floor, the X2 custom ones
// need the fields `npm run bench` sets up.
const scenarios = SCENARIOS.filter(
  (candidate) =>
    !candidate.reference &&
    !candidate.builtIn &&
    words.some((word) => candidate.name.includes(word))
)
if (scenarios.length === 0) throw new Error(`no scenario matches "${values.only}"`)
const raw =
  dialect === 'sqlite' ? sqliteRawClient(sqlitePath) : mysqlRawClient(mysqlSettings(mysqlDb), 1)
const samples = await readSamples(raw)
// what the API answers with minus the fields that are no columns (see clientColumns)
const [firstClient] = await raw.query({ sql: 'SELECT * FROM clients LIMIT 1', bindings: [] })
await raw.close()
// Every server starts once and stays up; each round loads them in turn (A, B, …, floor).
const apis = new Map<string, Running>()
for (const [i, root] of roots.entries()) {
  apis.set(root, await startServer(root, 'backend/bin/server.ts', appEnv, port + i))
}
const floor = await startServer(
  roots[0],
  'bench/http_floor_server.ts',
  database,
  port + roots.length
)
const token = await signIn(apis.get(roots[0])!.url)
const summary: string[] = []
try {
  for (const scenario of scenarios) summary.push(await measureScenario(scenario))
} finally {
  for (const server of [...apis.values(), floor]) await stopServer(server)
}
console.log(`\n${values.db}: median CPU ms/request (ratio to the floor)\n${summary.join('\n')}`)

async function measureScenario(scenario: (typeof SCENARIOS)[number]) {
  const requests = scenario.requests(samples)
  const apiPaths = requests.map((request) => request.path)
  const statements = await buildStatements(apis.get(roots[0])!.url, requests)
  await fetch(`${floor.url}/statements`, { method: 'PUT', body: JSON.stringify(statements) })
  const floorPaths = statements.map((_, i) => `/${i}`)
  const results = new Map<string, number[]>()
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [root, server] of apis) {
      const ms = await measure(server, apiPaths)
      results.set(root, [...(results.get(root) ?? []), ms])
      console.log(
        `${scenario.name} round ${round + 1} api ${root}: ${ms.toFixed(3)} ms CPU/request`
      )
    }
    const ms = await measure(floor, floorPaths)
    results.set('floor', [...(results.get('floor') ?? []), ms])
    console.log(`${scenario.name} round ${round + 1} floor: ${ms.toFixed(3)} ms CPU/request`)
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
  const floorMs = median(results.get('floor')!)
  const lines = [`${scenario.name}`]
  for (const [name, list] of results) {
    const ms = median(list)
    lines.push(`  ${ms.toFixed(3)}  ${(ms / floorMs).toFixed(2)}  ${name}`)
  }
  console.log(lines.join('\n'))
  return lines.join('\n')
}

async function signIn(url: string) {
  const response = await fetch(`${url}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept': 'application/json' },
    body: JSON.stringify({ email: 'admin@tablero.test', password: 'Admin123!', name: 'cpu' }),
  })
  if (response.status !== 201) throw new Error(`sign-in answered ${response.status}`)
  return ((await response.json()) as { data: { token: string } }).data.token
}

/** The raw statements of the scenario's requests, with the columns the API answers. */
async function buildStatements(
  url: string,
  requests: ReturnType<(typeof SCENARIOS)[number]['requests']>
) {
  const response = await fetch(`${url}/api/r/clients?perPage=1`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  })
  const body = (await response.json()) as { data: Array<Record<string, unknown>> }
  const columns = await clientColumns({ query: async () => [firstClient] }, body.data[0])
  const sql = new ListSql(dialect, columns)
  const built = requests.map((request) => sql.build(request.shape!))
  await sql.destroy()
  return built
}

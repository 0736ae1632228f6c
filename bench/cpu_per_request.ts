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
 * Each round starts every server afresh on --port, warms it up, then sends
 * --requests requests (autocannon, 10 connections) and reads the process's
 * utime + stime from /proc before and after. With several --root trees
 * (e.g. a checkout of the commit before a change) the rounds alternate
 * A, B, …, floor, so drift in the machine's load hits every column alike.
 * On MariaDB only the Node process is counted (the database server's CPU
 * is the same SQL for the API and the floor).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { readSamples } from './bench_samples.ts'
import { ListSql } from './list_sql.ts'
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
const baseUrl = `http://127.0.0.1:${port}`
const TICKS_PER_MS = 100 / 1000 // Linux USER_HZ

/** utime + stime of a process, in ms (/proc/<pid>/stat fields 14 and 15). */
function cpuMs(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS
}

async function startServer(cwd: string, script: string, env: Record<string, string>) {
  const profile = values['cpu-prof-dir']
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profile)}`] : []
  const child = spawn(process.execPath, [...flags, '--import=@poppinss/ts-exec', script], {
    cwd,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} exited`)
    const up = await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false
    )
    if (up) return child
    await new Promise((done) => setTimeout(done, 200))
  }
  throw new Error(`${script} did not answer /health`)
}

async function stopServer(child: ChildProcess) {
  const exited = new Promise((done) => child.once('exit', done))
  child.kill('SIGTERM')
  await exited
}

function load(paths: string[], amount: number, token: string) {
  let next = 0
  let failures = 0
  return new Promise<void>((done, fail) => {
    const instance = autocannon(
      {
        url: baseUrl,
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

/** CPU ms per request of `child` over --requests requests, after --warmup. */
async function measure(child: ChildProcess, paths: string[], token: string) {
  await load(paths, Number(values.warmup), token)
  const before = cpuMs(child.pid!)
  await load(paths, Number(values.requests), token)
  return (cpuMs(child.pid!) - before) / Number(values.requests)
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
await raw.close()
let token = ''
const summary: string[] = []
for (const scenario of scenarios) summary.push(await measureScenario(scenario))
console.log(`\n${values.db}: median CPU ms/request (ratio to the floor)\n${summary.join('\n')}`)

async function measureScenario(scenario: (typeof SCENARIOS)[number]) {
  const requests = scenario.requests(samples)
  const apiPaths = requests.map((request) => request.path)
  const statements: ReturnType<ListSql['build']>[] = []
  const results = new Map<string, number[]>()
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const root of roots) {
      const server = await startServer(root, 'backend/bin/server.ts', appEnv)
      if (!token) token = await signIn()
      if (statements.length === 0) statements.push(...(await buildStatements(requests)))
      const ms = await measure(server, apiPaths, token)
      await stopServer(server)
      results.set(root, [...(results.get(root) ?? []), ms])
      console.log(
        `${scenario.name} round ${round + 1} api ${root}: ${ms.toFixed(3)} ms CPU/request`
      )
    }
    const floor = await startServer(roots[0], 'bench/http_floor_server.ts', database)
    await fetch(`${baseUrl}/statements`, { method: 'PUT', body: JSON.stringify(statements) })
    const ms = await measure(
      floor,
      statements.map((_, i) => `/${i}`),
      token
    )
    await stopServer(floor)
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

async function signIn() {
  const response = await fetch(`${baseUrl}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept': 'application/json' },
    body: JSON.stringify({ email: 'admin@tablero.test', password: 'Admin123!', name: 'cpu' }),
  })
  if (response.status !== 201) throw new Error(`sign-in answered ${response.status}`)
  return ((await response.json()) as { data: { token: string } }).data.token
}

/** The raw statements of the scenario's requests, with the columns the API answers. */
async function buildStatements(requests: ReturnType<(typeof SCENARIOS)[number]['requests']>) {
  const response = await fetch(`${baseUrl}/api/r/clients?perPage=1`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  })
  const body = (await response.json()) as { data: Array<Record<string, unknown>> }
  const sql = new ListSql(dialect, Object.keys(body.data[0] ?? { id: 0 }))
  const built = requests.map((request) => sql.build(request.shape!))
  await sql.destroy()
  return built
}

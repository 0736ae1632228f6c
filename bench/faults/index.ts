/**
 * npm run bench -- --only faults [--short]
 *
 * Issue 19 (X1, X4): two app nodes sharing the bench's own MariaDB and
 * Redis (private processes on loopback ports, which the bench stops and
 * starts: the shared ones are never touched) and one DRIVE_ROOT, under a
 * mixed load of about 100 requests/s, through five scenarios: live plugin
 * toggles, node A killed mid-import, the database restarted, Redis
 * stopped, the shared login limiter. `--short` runs scenarios 1, 2 and 5
 * in about ten seconds each (CI). Exits 1 when any check fails. See
 * bench/README.md "Faults".
 */
import { cpus } from 'node:os'
import { mkdirSync, writeFileSync } from 'node:fs'
import { Cluster, ADMIN, signIn } from './cluster.ts'
import { MixedLoad, type Outcome } from './mixed_load.ts'
import {
  PLUGIN,
  databaseRestart,
  killedMidImport,
  liveToggles,
  redisStopped,
  sharedLimiter,
  type ScenarioContext,
  type ScenarioReport,
} from './scenarios.ts'
import { faultsTable, type FaultsRow } from './faults_table.ts'

const SCENARIOS = [
  { key: 'toggles', title: '1. live toggles every 2 s on A', short: true, run: liveToggles },
  { key: 'kill', title: '2. A SIGKILLed mid-import', short: true, run: killedMidImport },
  { key: 'database', title: '3. database restart', short: false, run: databaseRestart },
  { key: 'redis', title: '4. Redis stopped', short: false, run: redisStopped },
  { key: 'limiter', title: '5. shared limiter', short: true, run: sharedLimiter },
]

/**
 * Whether an answer of the load is a failure. Documented answers are not:
 * 404 PLUGIN_DISABLED on the toggled plugin's own route; 503
 * DATABASE_UNAVAILABLE answered fast and without internals while the
 * database is down; no answer from the node being killed, for requests
 * sent just before.
 */
export function verdictOf(outcome: Outcome & { scenario: string }) {
  if (outcome.status >= 200 && outcome.status < 300) return 'ok'
  if (outcome.leaked) return 'failure'
  if (outcome.kind === 'plugin' && outcome.status === 404 && outcome.code === 'PLUGIN_DISABLED') {
    return 'documented'
  }
  if (outcome.status === 503 && outcome.code === 'DATABASE_UNAVAILABLE' && outcome.ms < 3000) {
    return 'documented'
  }
  if (outcome.scenario === 'kill' && outcome.node === 'A' && outcome.code === 'NO_ANSWER') {
    return 'documented'
  }
  return 'failure'
}

const kindOf = (outcome: Outcome) =>
  `${outcome.node} ${outcome.kind} ${outcome.status || ''} ${outcome.code ?? ''}`
    .replace(/\s+/g, ' ')
    .trim()

function countBy(outcomes: Outcome[]) {
  const counts: Record<string, number> = {}
  for (const outcome of outcomes) counts[kindOf(outcome)] = (counts[kindOf(outcome)] ?? 0) + 1
  return counts
}

export async function benchFaults(argv: string[]) {
  const short = argv.includes('--short')
  const rate = Number(process.env.FAULTS_RATE ?? 100)
  const run = Date.now().toString(36)
  const cluster = new Cluster(
    Number(process.env.FAULTS_MYSQL_PORT ?? 33_417),
    Number(process.env.FAULTS_REDIS_PORT ?? 63_417)
  )
  const onExit = () => cluster.killNow()
  process.once('exit', onExit)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => process.exit(130))
  }
  const rows: FaultsRow[] = []
  try {
    console.log(`\n=== faults${short ? ' (short)' : ''}: two nodes, ${rate} req/s`)
    await cluster.start()
    const login = await signIn(cluster.nodes[0].baseUrl, ADMIN.email, ADMIN.password)
    const token = login.body.data.token as string
    const [campaign] = await cluster.query('SELECT MIN(id) AS id FROM campaigns')
    const pluginPath = `/api/p/${PLUGIN}/variables?campaignId=${Number(campaign.id)}`
    const load = new MixedLoad(cluster.nodes, token, run, pluginPath, rate)
    const context: ScenarioContext = { cluster, load, token, run, short, pluginPath }
    load.start()
    for (const scenario of SCENARIOS.filter((each) => !short || each.short)) {
      console.log(`\n${scenario.title}`)
      load.scenario = scenario.key
      const started = performance.now()
      let report: ScenarioReport
      try {
        report = await scenario.run(context)
      } catch (error) {
        report = { checks: [{ text: (error as Error).message, ok: false }], recoverySeconds: null }
        console.log(`  FAIL ${(error as Error).message}`)
      }
      const seconds = (performance.now() - started) / 1000
      rows.push({
        key: scenario.key,
        title: scenario.title,
        seconds,
        report,
        alive: cluster.alive(),
      })
    }
    load.scenario = 'end'
    await load.stop()
    await settle(cluster, load, rows)
  } finally {
    await cluster.stop().catch((error) => console.error(`stopping: ${error.message}`))
    process.removeListener('exit', onExit)
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`
  const table = faultsTable(rows)
  console.log(`\n${machine}; ${rate} req/s\n\n${table}`)
  mkdirSync('tmp/bench', { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  writeFileSync(`tmp/bench/faults-${stamp}.md`, `${machine}; ${rate} req/s\n\n${table}\n`)
  const failed = rows.filter((row) => !row.passed)
  console.log(
    failed.length === 0
      ? `\nfaults: PASS (${rows.length} scenarios)`
      : `\nfaults: FAIL (${failed.map((row) => row.title).join('; ')})`
  )
  if (failed.length > 0) process.exitCode = 1
}

/** Each scenario's answers and acknowledged writes, checked against the rows in the database. */
async function settle(cluster: Cluster, load: MixedLoad, rows: FaultsRow[]) {
  const written = await cluster.query('SELECT document FROM clients WHERE document LIKE ?', [
    `L${load.run}-%`,
  ])
  const present = new Set(written.map((row) => String(row.document)))
  for (const row of rows) {
    const outcomes = load.of(row.key)
    const failures = outcomes.filter((outcome) => verdictOf(outcome) === 'failure')
    const documented = outcomes.filter((outcome) => verdictOf(outcome) === 'documented')
    const acknowledged = load.acknowledged.get(row.key) ?? []
    const lost = acknowledged.filter((document) => !present.has(document)).length
    Object.assign(row, {
      requests: outcomes.length,
      failures: countBy(failures),
      documented: countBy(documented),
      acknowledged: acknowledged.length,
      present: acknowledged.length - lost,
      maxMs: Math.max(0, ...outcomes.map((outcome) => outcome.ms)),
      passed:
        failures.length === 0 &&
        lost === 0 &&
        row.alive &&
        row.report.checks.every((each) => each.ok),
    })
  }
}

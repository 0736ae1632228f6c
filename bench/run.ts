/**
 * npm run bench — measures the client lists the admin uses all day on a
 * SQLite file and on MariaDB/MySQL at a million clients (or --clients N):
 * the real server under autocannon beside the same SQL straight through
 * the driver. Never part of npm test. See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { readOptions, type BenchOptions } from './options.ts'
import { benchDatabase } from './bench_database.ts'
import { ensureBenchData } from './bench_data.ts'
import { AppServer } from './app_server.ts'
import { HttpFloor } from './http_floor.ts'
import { readSamples } from './bench_samples.ts'
import { SCENARIOS } from './scenarios.ts'
import { runScenario } from './scenario_run.ts'
import { queryPlan, readable } from './query_plans.ts'
import { waitForQuiet } from './machine_load.ts'
import {
  markdownTable,
  textTable,
  verdict,
  x2MarkdownTable,
  x2TextTable,
  type ReportRow,
} from './report.ts'
import { ensureCustomFields } from './custom_fields.ts'

const ADMIN = {
  email: process.env.BENCH_EMAIL ?? 'admin@tablero.test',
  password: process.env.BENCH_PASSWORD ?? 'Admin123!',
}

/**
 * Other work on the machine skews every figure: wait a little for it to
 * calm down, and record how busy it was.
 */
async function checkQuiet(options: BenchOptions) {
  const busy = await waitForQuiet(0.25, options.waitQuietSeconds)
  const line = `other processes use ${Math.round(busy * 100)} % of the CPU`
  if (busy > 0.25) console.warn(`! ${line}: figures will be high`)
  return busy
}

async function benchOne(kind: BenchOptions['databases'][number], options: BenchOptions) {
  const database = benchDatabase(kind, options)
  console.log(`\n=== ${database.label}`)
  await ensureBenchData(database, options.clients)
  const raw = database.openRaw(options.connections)
  const server = new AppServer(database)
  const floor = options.floor ? new HttpFloor(database, options.connections) : null
  const rows: ReportRow[] = []
  try {
    await server.start()
    await floor?.start()
    const token = await server.signIn(ADMIN.email, ADMIN.password)
    const customFields = await ensureCustomFields({ baseUrl: server.baseUrl, token }, raw).catch(
      (error: Error) => {
        console.error(`custom fields (X2 scenarios skipped): ${error.message}`)
        return null
      }
    )
    const samples = await readSamples(raw, customFields)
    const scenarios = SCENARIOS.filter(
      (scenario) => !options.only || options.only.some((word) => scenario.name.includes(word))
    )
    for (const scenario of scenarios) {
      const busyBefore = await checkQuiet(options)
      const result = await runScenario(scenario, {
        baseUrl: server.baseUrl,
        token,
        raw,
        samples,
        connections: options.connections,
        seconds: options.durationSeconds,
        warmupSeconds: options.warmupSeconds,
        floor,
      }).catch((error: Error) => {
        console.error(`${scenario.name}: ${error.message}`)
        return null
      })
      if (!result) continue
      const engine = kind === 'sqlite' ? 'SQLite' : 'MariaDB'
      const row = { ...result, database: engine, clients: samples.clients, busyBefore }
      rows.push(row)
      const p95 = (summary: { p95: number } | null) =>
        summary ? `${summary.p95.toFixed(2)} ms` : '-'
      const floorCheck = row.floorCheck ? `; floor ${row.floorCheck}` : ''
      console.log(
        `${scenario.name}: API p95 ${p95(row.api)}, raw p95 ${p95(row.raw)}, ` +
          `floor p95 ${p95(row.floor)} — ${verdict(row)} — ${row.check}${floorCheck}`
      )
      if (options.explain && result.statements) {
        for (const [name, statement] of Object.entries(result.statements)) {
          if (!statement) continue
          console.log(`  ${name}: ${readable(statement)}`)
          const plan = await queryPlan(raw, statement)
          console.log(plan.join('\n'))
        }
      }
    }
  } finally {
    await floor?.stop()
    await server.stop()
    await raw.close()
  }
  return rows
}

const options = readOptions(process.argv.slice(2))
// `--only csv`: the CSV reader against csv-parse, no database or server.
if (options.only?.includes('csv')) {
  const { benchCsvParse } = await import('./csv_parse.ts')
  await benchCsvParse()
  process.exit(0)
}
// `--only bases`: exporting and deleting a base (issue 14), see bench/bases.ts.
if (options.only?.includes('bases')) {
  const { benchBases } = await import('./bases.ts')
  await benchBases(options, process.argv.slice(2))
  process.exit(0)
}
// `--only assign`: Asignaciones of 200,000 clients at 1,000,000 (issue 15), see bench/assign.ts.
if (options.only?.includes('assign')) {
  const { benchAssign } = await import('./assign.ts')
  await benchAssign(options, process.argv.slice(2))
  process.exit(0)
}
// `--only upg`: the anti-fraud search at 5,000,000 transactions (issue 18), see bench/upg.ts.
if (options.only?.includes('upg')) {
  const { benchUpg } = await import('./upg.ts')
  await benchUpg(options, process.argv.slice(2))
  process.exit(0)
}
// `--only alerts`: collections-alerts' portfolio and alert filters (issue 17), see bench/alerts.ts.
if (options.only?.includes('alerts')) {
  const { benchAlerts } = await import('./alerts.ts')
  await benchAlerts(options, process.argv.slice(2))
  process.exit(0)
}
// `--only faults [--short]`: two nodes under load through faults (issue 19), see bench/faults/index.ts.
if (options.only?.includes('faults')) {
  const { benchFaults } = await import('./faults/index.ts')
  await benchFaults(process.argv.slice(2))
  process.exit(process.exitCode ?? 0)
}
// `--only dialer`: next-contact claims on two app nodes (issue 16), see bench/dialer_claims.ts.
if (options.only?.includes('dialer')) {
  const { benchDialerClaims } = await import('./dialer_claims.ts')
  await benchDialerClaims(options, process.argv.slice(2))
  process.exit(process.exitCode ?? 0)
}
// `--only import`: the CSV import through the API beside LOAD DATA (bench/import.ts).
if (options.only?.includes('import')) {
  const { benchImport, importTable } = await import('./import.ts')
  const results = await benchImport(options)
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`
  const table = importTable(results)
  console.log(`\nCSV import of clients through the API; ${machine}\n\n${table}`)
  mkdirSync('tmp/bench', { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  writeFileSync(`tmp/bench/import-${stamp}.md`, `${machine}\n\n${table}\n`)
  writeFileSync(`tmp/bench/import-${stamp}.json`, JSON.stringify({ machine, results }, null, 2))
  console.log(`\nWritten: tmp/bench/import-${stamp}.md and .json`)
  process.exit(0)
}
const rows: ReportRow[] = []
for (const kind of options.databases) rows.push(...(await benchOne(kind, options)))

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`
const setup = `${options.connections} connections, ${options.durationSeconds} s per measurement`
console.log(`\nLatencies in ms; ${setup}; ${machine}\n`)
console.log(textTable(rows))
const x2 = x2TextTable(rows)
if (x2) console.log(`\nX2: custom fields beside built-in columns (p95 in ms)\n\n${x2}`)
mkdirSync('tmp/bench', { recursive: true })
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const x2Markdown = x2MarkdownTable(rows)
writeFileSync(
  `tmp/bench/results-${stamp}.md`,
  `${machine}; ${setup}\n\n${markdownTable(rows)}\n` + (x2Markdown ? `\n${x2Markdown}\n` : '')
)
writeFileSync(
  `tmp/bench/results-${stamp}.json`,
  JSON.stringify({ machine, options, rows }, null, 2)
)
console.log(`\nWritten: tmp/bench/results-${stamp}.md and .json`)

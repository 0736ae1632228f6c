import { loadApi } from './api_load.ts'
import { loadRaw } from './raw_load.ts'
import { summarize, type LoadSummary } from './load_result.ts'
import { COUNT_CAP, ListSql } from './list_sql.ts'
import type { RawClient, Sql } from './raw_client.ts'
import type { Scenario } from './scenarios.ts'
import type { BenchSamples } from './bench_samples.ts'

export interface ScenarioResult {
  scenario: string
  targetP95: number
  /** X2: the built-in scenario this custom-field one is compared with */
  builtIn: string | null
  api: LoadSummary
  /** null for a reference scenario */
  raw: LoadSummary | null
  /** 'ok', or what differed between the API's answer and the raw SQL's */
  check: string
  statements: { count: Sql; page: Sql } | null
}

export interface ScenarioRunner {
  baseUrl: string
  token: string
  raw: RawClient
  samples: BenchSamples
  connections: number
  seconds: number
  warmupSeconds: number
}

/**
 * Measures one scenario: checks that the raw SQL answers what the API
 * answers, warms both up, then runs autocannon against the API and the
 * same statements straight through the driver, for the same time with
 * the same concurrency.
 */
export async function runScenario(
  scenario: Scenario,
  runner: ScenarioRunner
): Promise<ScenarioResult> {
  const requests = scenario.requests(runner.samples)
  if (requests.length === 0) throw new Error('nothing to request (custom fields not set up?)')
  const paths = requests.map((request) => request.path)
  const api = (seconds: number) =>
    loadApi({
      baseUrl: runner.baseUrl,
      token: runner.token,
      paths,
      connections: runner.connections,
      seconds,
    })
  if (scenario.reference) {
    if (runner.warmupSeconds > 0) await api(runner.warmupSeconds)
    const apiResult = summarize(await api(runner.seconds))
    const { targetP95, name } = scenario
    return {
      scenario: name,
      targetP95,
      builtIn: null,
      api: apiResult,
      raw: null,
      check: 'ok',
      statements: null,
    }
  }

  const columns = await apiColumns(runner)
  const sql = new ListSql(runner.raw.dialect, columns)
  const statements = requests.map((request) => sql.build(request.shape!))
  await sql.destroy()
  const check = await compare(runner, requests[0].path, statements[0], scenario.lookup ?? false)
  const runRaw = async (i: number) => {
    const { count, page } = statements[i % statements.length]
    await runner.raw.query(count)
    await runner.raw.query(page)
  }
  const raw = (seconds: number) =>
    loadRaw({ run: runRaw, connections: runner.connections, seconds })

  if (runner.warmupSeconds > 0) {
    await api(runner.warmupSeconds)
    await raw(runner.warmupSeconds)
  }
  const apiResult = summarize(await api(runner.seconds))
  const rawResult = summarize(await raw(runner.seconds))
  return {
    scenario: scenario.name,
    targetP95: scenario.targetP95,
    builtIn: scenario.builtIn ?? null,
    api: apiResult,
    raw: rawResult,
    check,
    statements: statements[0],
  }
}

async function getJson(runner: ScenarioRunner, path: string) {
  const response = await fetch(`${runner.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${runner.token}`, accept: 'application/json' },
  })
  if (!response.ok)
    throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as {
    data: Array<Record<string, unknown>>
    meta?: { total?: number }
  }
}

/** The columns a client list selects: the fields the API answers with. */
async function apiColumns(runner: ScenarioRunner) {
  const body = await getJson(runner, '/api/r/clients?perPage=1')
  return Object.keys(body.data[0] ?? { id: 0 })
}

async function compare(
  runner: ScenarioRunner,
  path: string,
  statements: { count: Sql; page: Sql },
  lookup: boolean
) {
  const body = await getJson(runner, path)
  const [counted] = await runner.raw.query(statements.count)
  const rows = await runner.raw.query(statements.page)
  const apiIds = body.data.map((row) => Number(row.id)).join(',')
  const rawIds = rows.map((row) => Number(row.id)).join(',')
  const problems = []
  if (apiIds !== rawIds)
    problems.push(`ids API [${apiIds.slice(0, 60)}] raw [${rawIds.slice(0, 60)}]`)
  const rawTotal = Math.min(Number(counted.total), COUNT_CAP)
  if (!lookup && body.meta?.total !== rawTotal) {
    problems.push(`total API ${body.meta?.total} raw ${rawTotal}`)
  }
  return problems.length === 0
    ? `ok (${rows.length} rows, total ${rawTotal})`
    : `MISMATCH ${problems.join('; ')}`
}

import { loadApi } from './api_load.ts'
import { loadRaw } from './raw_load.ts'
import { summarize, type LoadSummary } from './load_result.ts'
import { clientColumns, ListSql, readList, type ListStatements } from './list_sql.ts'
import type { RawClient } from './raw_client.ts'
import type { Scenario } from './scenarios.ts'
import type { BenchSamples } from './bench_samples.ts'
import type { HttpFloor } from './http_floor.ts'

export interface ScenarioResult {
  scenario: string
  targetP95: number
  /** X2: the built-in scenario this custom-field one is compared with */
  builtIn: string | null
  api: LoadSummary
  /** null for a reference scenario */
  raw: LoadSummary | null
  /** the same statements behind a bare node:http server; null for a reference scenario or --no-floor */
  floor: LoadSummary | null
  /** 'ok', or what differed between the API's answer and the raw SQL's */
  check: string
  /** the same for the floor's first answer, with both answers' sizes; null without a floor */
  floorCheck: string | null
  statements: ListStatements | null
}

export interface ScenarioRunner {
  baseUrl: string
  token: string
  raw: RawClient
  samples: BenchSamples
  connections: number
  seconds: number
  warmupSeconds: number
  /** null: --no-floor */
  floor: HttpFloor | null
}

/**
 * Measures one scenario: checks that the raw SQL answers what the API
 * answers, warms both up, then runs autocannon against the API and the
 * same statements straight through the driver, for the same time with
 * the same concurrency; then autocannon again against the HTTP floor
 * running those statements.
 */
export async function runScenario(
  scenario: Scenario,
  runner: ScenarioRunner
): Promise<ScenarioResult> {
  const requests = scenario.requests(runner.samples)
  if (requests.length === 0) throw new Error('nothing to request (custom fields not set up?)')
  // the API and the floor under the same autocannon settings (the floor ignores the token)
  const autocannon = (baseUrl: string, paths: string[]) => (seconds: number) =>
    loadApi({ baseUrl, token: runner.token, paths, connections: runner.connections, seconds })
  const apiPaths = requests.map((request) => request.path)
  const api = autocannon(runner.baseUrl, apiPaths)
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
      floor: null,
      check: 'ok',
      floorCheck: null,
      statements: null,
    }
  }

  const columns = await apiColumns(runner)
  const sql = new ListSql(runner.raw.dialect, columns)
  const statements = requests.map((request) => sql.build(request.shape!))
  await sql.destroy()
  const first = await compare(runner, requests[0].path, statements[0], scenario.lookup ?? false)
  const floor = runner.floor
    ? autocannon(runner.floor.baseUrl, await runner.floor.use(statements))
    : null
  const floorCheck = runner.floor ? await compareFloor(runner.floor, first) : null
  const runRaw = async (i: number) => {
    await readList(runner.raw, statements[i % statements.length])
  }
  const raw = (seconds: number) =>
    loadRaw({ run: runRaw, connections: runner.connections, seconds })

  if (runner.warmupSeconds > 0) {
    await api(runner.warmupSeconds)
    await raw(runner.warmupSeconds)
    if (floor) await floor(runner.warmupSeconds)
  }
  const apiResult = summarize(await api(runner.seconds))
  const rawResult = summarize(await raw(runner.seconds))
  const floorResult = floor ? summarize(await floor(runner.seconds)) : null
  return {
    scenario: scenario.name,
    targetP95: scenario.targetP95,
    builtIn: scenario.builtIn ?? null,
    api: apiResult,
    raw: rawResult,
    floor: floorResult,
    check: first.check,
    floorCheck,
    statements: statements[0],
  }
}

/** An answer's JSON and its size in bytes (the floor's should be about the API's). */
async function getJson(baseUrl: string, path: string, token = '') {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${text}`)
  const body = JSON.parse(text) as {
    data: Array<Record<string, unknown>>
    meta?: { total?: number }
  }
  return { body, bytes: Buffer.byteLength(text) }
}

const idsOf = (rows: Array<Record<string, unknown>>) => rows.map((row) => Number(row.id)).join(',')

async function apiColumns(runner: ScenarioRunner) {
  const { body } = await getJson(runner.baseUrl, '/api/r/clients?perPage=1', runner.token)
  return clientColumns(runner.raw, body.data[0])
}

async function compare(
  runner: ScenarioRunner,
  path: string,
  statements: ListStatements,
  lookup: boolean
) {
  const { body, bytes } = await getJson(runner.baseUrl, path, runner.token)
  const { rows, total } = await readList(runner.raw, statements)
  const apiIds = idsOf(body.data)
  const rawIds = idsOf(rows)
  const problems = []
  if (apiIds !== rawIds)
    problems.push(`ids API [${apiIds.slice(0, 60)}] raw [${rawIds.slice(0, 60)}]`)
  const rawTotal = total ?? rows.length
  if (!lookup && body.meta?.total !== rawTotal) {
    problems.push(`total API ${body.meta?.total} raw ${rawTotal}`)
  }
  const check =
    problems.length === 0
      ? `ok (${rows.length} rows, total ${rawTotal})`
      : `MISMATCH ${problems.join('; ')}`
  return { check, rawIds, apiBytes: bytes }
}

/** The floor's first answer: the raw SQL's ids, and a size close to the API's. */
async function compareFloor(floor: HttpFloor, first: { rawIds: string; apiBytes: number }) {
  const { body, bytes } = await getJson(floor.baseUrl, '/0')
  const floorIds = idsOf(body.data)
  const sizes = `${bytes.toLocaleString('en-US')} B, API ${first.apiBytes.toLocaleString('en-US')} B`
  return floorIds === first.rawIds
    ? `ok (${sizes})`
    : `MISMATCH ids floor [${floorIds.slice(0, 60)}] raw [${first.rawIds.slice(0, 60)}] (${sizes})`
}

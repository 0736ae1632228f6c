import { spawnSync } from 'node:child_process'
import { createWriteStream, openAsBlob } from 'node:fs'
import { once } from 'node:events'
import { phoneOf } from '../../database/factories/fake_clients/phone_plan.ts'
import { ADMIN, call, signIn, sleep, type Cluster } from './cluster.ts'
import type { MixedLoad } from './mixed_load.ts'

export const PLUGIN = 'speech'

/** What a scenario saw beside the load: its own checks, and how long recovery took. */
export interface ScenarioReport {
  /** each check, and whether it held */
  checks: Array<{ text: string; ok: boolean }>
  recoverySeconds: number | null
}

export interface ScenarioContext {
  cluster: Cluster
  load: MixedLoad
  token: string
  run: string
  short: boolean
  /** the toggled plugin's own route the load reads */
  pluginPath: string
}

const check = (report: ScenarioReport, text: string, ok: boolean) => {
  report.checks.push({ text, ok })
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${text}`)
}

const toggle = (context: ScenarioContext, action: 'enable' | 'disable') =>
  call(context.cluster.nodes[0].baseUrl, `/api/plugins/${PLUGIN}/${action}`, {
    method: 'POST',
    token: context.token,
  })

/** Scenario 1: the plugin toggled every 2 s on node A while the load runs on both. */
export async function liveToggles(context: ScenarioContext): Promise<ScenarioReport> {
  const report: ScenarioReport = { checks: [], recoverySeconds: null }
  const toggles = context.short ? 5 : 15
  let refused = 0
  for (let index = 0; index < toggles; index++) {
    const answer = await toggle(context, index % 2 === 0 ? 'disable' : 'enable')
    if (answer.status !== 200) refused++
    await sleep(2000)
  }
  const last = await toggle(context, 'enable')
  if (last.status !== 200) refused++
  check(report, `${toggles + 1} toggles on A, each answered 200`, refused === 0)
  await sleep(2500) // every node trusts the last state again
  return report
}

/** A CSV of `rows` clients, each with a document of its own (I<run>-<line>). */
async function importFile(run: string, rows: number) {
  const path = `tmp/faults/import-${run}.csv`
  const out = createWriteStream(path)
  out.write('first_name,last_name,document,email,primary_phone\n')
  for (let i = 1; i <= rows; i++) {
    const line = `Importado${i},Nodo${i % 97},I${run}-${i},importado${i}.${run}@bench.test,${phoneOf(300_000_000 + i).e164}\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return path
}

async function job(baseUrl: string, token: string, id: number) {
  const answer = await call(baseUrl, `/api/r/clients/imports/${id}`, { token })
  return answer.body?.data as { status: string; processedRows: number; validatedRows: number }
}

/**
 * Scenario 2: node A is SIGKILLed during an import of `rows` rows; A
 * restarts as itself (its boot marks its own jobs interrupted) and the
 * import resumes on B, ending with exactly the file's rows.
 */
export async function killedMidImport(context: ScenarioContext): Promise<ScenarioReport> {
  const report: ScenarioReport = { checks: [], recoverySeconds: null }
  try {
    return await importAndKill(context, report)
  } finally {
    // the next scenarios need both nodes, whatever happened here
    if (!context.cluster.a.running) await context.cluster.startNode(context.cluster.a)
  }
}

async function importAndKill(context: ScenarioContext, report: ScenarioReport) {
  const { cluster, token, run } = context
  const rows = context.short ? 20_000 : 200_000
  const [a, b] = cluster.nodes
  const form = new FormData()
  form.append('file', await openAsBlob(await importFile(run, rows)), 'clientes.csv')
  const uploaded = await call(a.baseUrl, '/api/r/clients/imports', { token, form })
  if (uploaded.status !== 202)
    throw new Error(`upload: ${uploaded.status} ${JSON.stringify(uploaded.body)}`)
  const id = Number(uploaded.body.data.id)
  let state = await job(b.baseUrl, token, id)
  while (state.status === 'validating') {
    await sleep(500)
    state = await job(b.baseUrl, token, id)
  }
  if (state.status !== 'ready') throw new Error(`validation ended ${state.status}`)
  const started = await call(a.baseUrl, `/api/r/clients/imports/${id}/start`, {
    token,
    method: 'POST',
  })
  if (started.status !== 202) throw new Error(`start on A: ${started.status}`)
  do {
    await sleep(100)
    state = await job(b.baseUrl, token, id)
  } while (state.status === 'importing' && state.processedRows < rows * 0.2)
  check(
    report,
    `A killed mid-import (${state.processedRows} of ${rows} rows)`,
    state.status === 'importing'
  )
  a.up = false
  await cluster.a.kill()
  const killedAt = performance.now()
  const early = await call(b.baseUrl, `/api/r/clients/imports/${id}/start`, {
    token,
    method: 'POST',
  })
  check(
    report,
    `start on B before the sweep answers 409 (the job still looks running): ${early.status}`,
    early.status === 409
  )
  await cluster.startNode(cluster.a)
  // A answers /health as soon as it listens; it frees the jobs it ran before the
  // restart in its ready hook, a moment later: until then B still sees a running job.
  let resumed = await call(b.baseUrl, `/api/r/clients/imports/${id}/start`, {
    token,
    method: 'POST',
  })
  const freedBy = performance.now() + 15_000
  while (resumed.status === 409 && performance.now() < freedBy) {
    await sleep(250)
    resumed = await call(b.baseUrl, `/api/r/clients/imports/${id}/start`, {
      token,
      method: 'POST',
    })
  }
  check(
    report,
    `after A restarted, the import resumes on B: ${resumed.status}`,
    resumed.status === 202
  )
  report.recoverySeconds = (performance.now() - killedAt) / 1000
  do {
    await sleep(500)
    state = await job(b.baseUrl, token, id)
  } while (state.status === 'importing')
  const [count] = await cluster.query(
    'SELECT COUNT(*) AS total, COUNT(DISTINCT document) AS distinct_documents FROM clients WHERE document LIKE ?',
    [`I${run}-%`]
  )
  const total = Number(count.total)
  check(
    report,
    `import ${state.status}, ${total} rows of ${rows}, ${Number(count.distinct_documents)} distinct`,
    state.status === 'done' && total === rows && Number(count.distinct_documents) === rows
  )
  return report
}

/** Scenario 3: MariaDB stopped during the load, started again 5 s later. */
export async function databaseRestart(context: ScenarioContext): Promise<ScenarioReport> {
  const report: ScenarioReport = { checks: [], recoverySeconds: null }
  const { cluster } = context
  await sleep(3000)
  await cluster.mariadb.stop()
  await sleep(2000)
  const health = await call(cluster.nodes[1].baseUrl, '/health')
  check(
    report,
    `/health on B answers 503 while the database is down: ${health.status}`,
    health.status === 503
  )
  await sleep(3000)
  await cluster.mariadb.start()
  const back = performance.now()
  report.recoverySeconds = await recovered(async () => {
    for (const node of cluster.nodes) {
      const answer = await call(node.baseUrl, '/api/r/clients?perPage=1', { token: context.token })
      if (answer.status !== 200) return false
    }
    return true
  }, back)
  check(
    report,
    `both nodes serve again ${report.recoverySeconds?.toFixed(2)} s after the database is back (≤ 5 s)`,
    report.recoverySeconds !== null && report.recoverySeconds <= 5
  )
  await sleep(3000)
  return report
}

function subscribers(cluster: Cluster) {
  const out = spawnSync(
    'redis-cli',
    ['-p', String(cluster.redis.port), 'PUBSUB', 'NUMSUB', 'plugins:toggled'],
    { encoding: 'utf8' }
  )
  return Number(out.stdout.trim().split('\n')[1] ?? 0)
}

/** Scenario 4: Redis stopped during the load; toggles fall back to polling; it comes back. */
export async function redisStopped(context: ScenarioContext): Promise<ScenarioReport> {
  const report: ScenarioReport = { checks: [], recoverySeconds: null }
  const { cluster } = context
  const [a, b] = cluster.nodes
  check(
    report,
    `both nodes subscribed to the toggle broadcast: ${subscribers(cluster)}`,
    subscribers(cluster) === 2
  )
  await sleep(3000)
  await cluster.redis.stop()
  await sleep(1000)
  const login = await signIn(b.baseUrl, ADMIN.email, ADMIN.password)
  check(
    report,
    `sign-in fails closed: ${login.status} ${login.body?.error?.code}`,
    login.status === 503 && login.body?.error?.code === 'LOGIN_LIMITER_UNAVAILABLE'
  )
  const health = await call(a.baseUrl, '/health')
  check(
    report,
    `/health on A: ${health.status} ${JSON.stringify(health.body?.data)}`,
    health.status === 200 && health.body?.data?.redis === 'down'
  )
  const disabled = await toggle(context, 'disable')
  const toggledAt = performance.now()
  const seen = await recovered(async () => {
    const answer = await call(b.baseUrl, context.pluginPath, { token: context.token })
    return answer.status === 404 && answer.body?.error?.code === 'PLUGIN_DISABLED'
  }, toggledAt)
  check(
    report,
    `toggle on A (${disabled.status}) seen on B by polling after ${seen?.toFixed(2)} s (TTL 2 s)`,
    disabled.status === 200 && seen !== null && seen <= 3
  )
  await toggle(context, 'enable')
  await sleep(3000)
  await cluster.redis.start()
  const back = performance.now()
  report.recoverySeconds = await recovered(async () => {
    const again = await signIn(b.baseUrl, ADMIN.email, ADMIN.password)
    return again.status === 201 && subscribers(cluster) === 2
  }, back)
  check(
    report,
    `sign-in and the broadcast (2 subscribers) back ${report.recoverySeconds?.toFixed(2)} s after Redis`,
    report.recoverySeconds !== null && report.recoverySeconds <= 5
  )
  await sleep(2000)
  return report
}

/** Scenario 5: five failed sign-ins on A, the sixth on B answers 429. */
export async function sharedLimiter(context: ScenarioContext): Promise<ScenarioReport> {
  const report: ScenarioReport = { checks: [], recoverySeconds: null }
  const [a, b] = context.cluster.nodes
  const email = `limiter.${context.run}@bench.tablero.test`
  const statuses = []
  for (let attempt = 0; attempt < 5; attempt++) {
    const answer = await signIn(a.baseUrl, email, 'wrong')
    statuses.push(answer.status)
  }
  const sixth = await signIn(b.baseUrl, email, 'wrong')
  check(
    report,
    `five on A answered ${statuses.join(',')}, the sixth on B ${sixth.status}`,
    statuses.every((status) => status === 401) && sixth.status === 429
  )
  await sleep(context.short ? 2000 : 5000)
  return report
}

/** Seconds from `since` until `ready` holds (polled every 100 ms), null after 30 s. */
async function recovered(ready: () => Promise<boolean>, since: number) {
  while (performance.now() - since < 30_000) {
    if (await ready().catch(() => false)) return (performance.now() - since) / 1000
    await sleep(100)
  }
  return null
}

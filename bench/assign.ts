/**
 * npm run bench -- --only assign [--db mysql] [--clients 1000000] [--rows 200000]
 *   [--mysql-db tablero_bench_teams] [--sqlite-path tmp/bench/teams-1000000.sqlite3]
 *
 * Issue 15 (D2): Asignaciones at scale. On a bench database of N clients
 * (default 1,000,000), the first `--rows` clients (default 200,000) are
 * put, unassigned, in a campaign of 20 agents (set-up, not timed). Then,
 * through the real server as the admin: the exact count the screen shows
 * (POST /api/assignments/count), and the assignment (POST
 * /api/assignments) followed at GET /api/jobs/:id until it is done, as
 * the screen's progress bar follows it. Checked afterwards: every client
 * assigned, one audit entry per batch, one history link per client.
 * Never part of npm test.
 */
import { cpus } from 'node:os'
import type { BenchOptions, DatabaseKind } from './options.ts'
import { benchDatabase } from './bench_database.ts'
import { ensureBenchData } from './bench_data.ts'
import { AppServer } from './app_server.ts'
import type { RawClient } from './raw_client.ts'

const ADMIN = { email: 'admin@tablero.test', password: 'Admin123!' }
const CAMPAIGN = 'Bench asignaciones'
const AGENTS = 20
const POLL_MS = 200

export interface AssignResult {
  database: string
  clients: number
  assigned: number
  agents: number
  countSeconds: number
  assignSeconds: number
  clientsPerSecond: number
  batches: number
  longestProgressGapMs: number
}

const now = () => new Date().toISOString().slice(0, 19).replace('T', ' ')

/** The bench campaign with AGENTS agents, holding the first `rows` clients, none assigned. */
async function prepare(raw: RawClient, rows: number) {
  let [campaign] = await raw.query({
    sql: 'SELECT id FROM campaigns WHERE name = ?',
    bindings: [CAMPAIGN],
  })
  if (!campaign) {
    await raw.query({
      sql: 'INSERT INTO campaigns (name, type, active, created_at, updated_at) VALUES (?, ?, 1, ?, ?)',
      bindings: [CAMPAIGN, 'outbound_dialer', now(), now()],
    })
    ;[campaign] = await raw.query({
      sql: 'SELECT id FROM campaigns WHERE name = ?',
      bindings: [CAMPAIGN],
    })
  }
  const campaignId = Number(campaign.id)
  const agents = await raw.query({
    sql: `SELECT id FROM users WHERE role = 'agent' AND active = 1 ORDER BY id LIMIT ${AGENTS}`,
    bindings: [],
  })
  const agentIds = agents.map((row) => Number(row.id))
  await raw.query({
    sql: 'DELETE FROM campaign_agents WHERE campaign_id = ?',
    bindings: [campaignId],
  })
  await raw.query({
    sql: `INSERT INTO campaign_agents (campaign_id, user_id, created_at) VALUES ${agentIds.map(() => '(?, ?, ?)').join(', ')}`,
    bindings: agentIds.flatMap((id) => [campaignId, id, now()]),
  })
  const [last] = await raw.query({
    sql: `SELECT id FROM clients ORDER BY id LIMIT 1 OFFSET ${rows - 1}`,
    bindings: [],
  })
  await raw.query({
    sql: 'UPDATE clients SET campaign_id = ?, assigned_user_id = NULL WHERE id <= ?',
    bindings: [campaignId, Number(last.id)],
  })
  return { campaignId, agentIds }
}

async function call(baseUrl: string, token: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (response.status >= 300) throw new Error(`${path} answered ${response.status}: ${text}`)
  return { status: response.status, data: (JSON.parse(text) as { data: any }).data }
}

async function benchOne(kind: DatabaseKind, options: BenchOptions, rows: number) {
  const database = benchDatabase(kind, options)
  console.log(`\n=== ${database.label}: assign ${rows} of ${options.clients} clients`)
  await ensureBenchData(database, options.clients)
  const raw = database.openRaw(2)
  const server = new AppServer(database)
  try {
    const { campaignId, agentIds } = await prepare(raw, rows)
    await server.start()
    const token = await server.signIn(ADMIN.email, ADMIN.password)
    const selection = { campaignId, recordType: 'unassigned' }

    const counting = performance.now()
    const counted = await call(server.baseUrl, token, '/api/assignments/count', selection)
    const countSeconds = (performance.now() - counting) / 1000
    if (counted.data.matched !== rows)
      throw new Error(`counted ${counted.data.matched}, not ${rows}`)

    const started = performance.now()
    const order = await call(server.baseUrl, token, '/api/assignments', {
      ...selection,
      mode: 'assign',
      userIds: agentIds,
      expected: counted.data,
    })
    if (order.status !== 202) throw new Error(`assignment answered ${order.status}, not 202`)
    let lastMove = performance.now()
    let lastProgress = -1
    let longestGap = 0
    let run: any
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      const polled = await call(server.baseUrl, token, `/api/jobs/${order.data.jobId}`)
      run = polled.data
      const moment = performance.now()
      if (run.progress !== lastProgress) {
        longestGap = Math.max(longestGap, moment - lastMove)
        lastMove = moment
        lastProgress = run.progress
      }
      if (run.status === 'failed') throw new Error(`assignment failed: ${run.error}`)
      if (run.status === 'done') break
    }
    const assignSeconds = (performance.now() - started) / 1000

    const [assigned] = await raw.query({
      sql: 'SELECT COUNT(*) AS total FROM clients WHERE campaign_id = ? AND assigned_user_id IS NOT NULL',
      bindings: [campaignId],
    })
    if (Number(assigned.total) !== rows) throw new Error(`${assigned.total} assigned, not ${rows}`)
    console.log(
      `count: ${countSeconds.toFixed(2)} s; assign: ${rows} clients in ${assignSeconds.toFixed(2)} s (${run.result.batches} batches)`
    )
    const result: AssignResult = {
      database: kind === 'sqlite' ? 'SQLite' : 'MariaDB',
      clients: options.clients,
      assigned: rows,
      agents: agentIds.length,
      countSeconds,
      assignSeconds,
      clientsPerSecond: rows / assignSeconds,
      batches: Number(run.result.batches),
      longestProgressGapMs: longestGap,
    }
    return result
  } finally {
    await server.stop()
    await raw.close()
  }
}

export function assignTable(rows: AssignResult[]) {
  const n = (value: number, digits = 0) =>
    value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  return [
    '| database | clients | assigned | agents | count s | assign s | clients/s | batches | longest progress gap ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.database} | ${n(row.clients)} | ${n(row.assigned)} | ${row.agents} | ` +
        `${n(row.countSeconds, 2)} | ${n(row.assignSeconds, 2)} | ${n(row.clientsPerSecond)} | ` +
        `${n(row.batches)} | ${n(row.longestProgressGapMs)} |`
    ),
  ].join('\n')
}

export async function benchAssign(options: BenchOptions, argv: string[]) {
  const rows =
    argv.includes('--rows') || process.env.BENCH_IMPORT_ROWS ? options.importRows[0] : 200_000
  const results: AssignResult[] = []
  for (const kind of options.databases) results.push(await benchOne(kind, options, rows))
  console.log(`\n${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`)
  console.log(assignTable(results))
  return results
}

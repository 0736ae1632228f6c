/**
 * npm run bench -- --only dialer [--db mysql] [--rows 10000] [--connections 50]
 *
 * Issue 16 (D4): the dialer's next-contact claim across two app nodes.
 * On its own bench database (`tablero_bench_dialer_<rows>` /
 * tmp/bench/dialer-<rows>.sqlite3) holding `--rows` fake clients (default
 * 10,000) in one dialer campaign, two server processes on loopback ports
 * share the database (and Redis when REDIS_HOST is set). The supervisor
 * builds a list of every client through node A (timed); then `--connections`
 * simulated agents (default 50), half on each node, loop "Siguiente
 * contacto" → "No contesta" until the campaign has nothing left to hand
 * out. Checked: no contact handed to two agents, none left unclaimed
 * (every contact `recall` with one attempt). Reported: claims/s (a claim
 * and its no-answer are two requests), the signed-in floor of the same
 * setup beside it (`signedInFloor`), and the CPU the two servers (and a
 * local MariaDB, which other work on the machine shares) spent per claim,
 * which moves far less than claims/s with the machine's load. Never part
 * of npm test.
 */
import { randomBytes } from 'node:crypto'
import { cpus } from 'node:os'
import type { BenchOptions, DatabaseKind } from './options.ts'
import { benchDatabase } from './bench_database.ts'
import { ensureBenchData } from './bench_data.ts'
import { ChildServer } from './child_server.ts'
import { AppServer } from './app_server.ts'
import type { RawClient } from './raw_client.ts'
import { cpuMs, databaseServerPid } from './process_cpu.ts'

const ADMIN = { email: 'admin@tablero.test', password: 'Admin123!' }
const AGENT_PASSWORD = 'Agent123!'
const CAMPAIGN = 'Bench marcador'

export interface DialerClaimsResult {
  database: string
  nodes: number
  agents: number
  contacts: number
  buildSeconds: number
  claims: number
  duplicates: number
  lost: number
  seconds: number
  claimsPerSecond: number
  /** GET /api/auth/me answered per second by the same two nodes to the same agents */
  floorRequestsPerSecond: number
  /** CPU ms both server processes spent per claim (with its no-answer) */
  serverCpuMsPerClaim: number
  /** CPU ms the local database server spent per claim (null when it is not local or SQLite) */
  databaseCpuMsPerClaim: number | null
}

/** Signed-in requests each agent sends to measure the floor. */
const FLOOR_REQUESTS_PER_AGENT = 40

const now = () => new Date().toISOString().slice(0, 19).replace('T', ' ')

async function call(baseUrl: string, token: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'authorization': `Bearer ${token}`,
      'accept': 'application/json',
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (response.status >= 300) throw new Error(`${path} answered ${response.status}: ${text}`)
  return (JSON.parse(text) as { data: any }).data
}

/** The bench campaign holding the first `rows` clients, its dialer data emptied, open all day. */
async function prepare(raw: RawClient, rows: number) {
  const q = (sql: string, bindings: unknown[] = []) => raw.query({ sql, bindings })
  let [campaign] = await q('SELECT id FROM campaigns WHERE name = ?', [CAMPAIGN])
  if (!campaign) {
    await q(
      'INSERT INTO campaigns (name, type, active, created_at, updated_at) VALUES (?, ?, 1, ?, ?)',
      [CAMPAIGN, 'outbound_dialer', now(), now()]
    )
    ;[campaign] = await q('SELECT id FROM campaigns WHERE name = ?', [CAMPAIGN])
  }
  const campaignId = Number(campaign.id)
  const [last] = await q(`SELECT id FROM clients ORDER BY id LIMIT 1 OFFSET ${rows - 1}`)
  await q('UPDATE clients SET campaign_id = ? WHERE id <= ?', [campaignId, Number(last.id)])
  await q('DELETE FROM dialer_hopper WHERE campaign_id = ?', [campaignId])
  await q(
    'DELETE FROM dialer_contacts WHERE list_id IN (SELECT id FROM dialer_lists WHERE campaign_id = ?)',
    [campaignId]
  )
  await q('DELETE FROM dialer_lists WHERE campaign_id = ?', [campaignId])
  await q('DELETE FROM dialer_agent_states')
  await q('DELETE FROM dialer_settings WHERE campaign_id = ?', [campaignId])
  // the bench must not depend on the hour it runs at
  await q(
    `INSERT INTO dialer_settings (campaign_id, call_start, call_end, max_attempts, recycle_hours,
       claim_timeout_minutes, hopper_size, created_at) VALUES (?, '00:00', '23:59', 3, 24, 60, 500, ?)`,
    [campaignId, now()]
  )
  return campaignId
}

/** `count` agents in the campaign (created through the API when the base has fewer). */
async function ensureAgents(
  raw: RawClient,
  baseUrl: string,
  adminToken: string,
  campaignId: number,
  count: number
) {
  const agents = async () =>
    raw.query({
      sql: `SELECT id, email FROM users WHERE role = 'agent' AND active = 1 ORDER BY id LIMIT ${count}`,
      bindings: [],
    })
  let rows = await agents()
  for (let index = rows.length; index < count; index++) {
    await call(baseUrl, adminToken, '/api/r/users', {
      full_name: `Agente marcador ${index}`,
      email: `marcador.${index}.${randomBytes(3).toString('hex')}@bench.tablero.test`,
      password: AGENT_PASSWORD,
      role: 'agent',
    })
  }
  rows = await agents()
  await raw.query({
    sql: 'DELETE FROM campaign_agents WHERE campaign_id = ?',
    bindings: [campaignId],
  })
  await raw.query({
    sql: `INSERT INTO campaign_agents (campaign_id, user_id, created_at) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`,
    bindings: rows.flatMap((row) => [campaignId, Number(row.id), now()]),
  })
  return rows.map((row) => String(row.email))
}

async function benchOne(
  kind: DatabaseKind,
  options: BenchOptions,
  rows: number,
  agentCount: number
) {
  const database = benchDatabase(kind, {
    ...options,
    clients: rows,
    sqlitePath: options.sqlitePath ?? `tmp/bench/dialer-${rows}.sqlite3`,
    mysqlDatabase: options.mysqlDatabase ?? `tablero_bench_dialer_${rows}`,
  })
  console.log(`\n=== ${database.label}: ${agentCount} agents claim ${rows} contacts on 2 nodes`)
  await ensureBenchData(database, rows)
  const raw = database.openRaw(2)
  const nodeA = new AppServer(database)
  const nodeB = new ChildServer('backend/bin/server.ts', `server-${kind}-b`)
  try {
    const campaignId = await prepare(raw, rows)
    await nodeA.start()
    await nodeB.start({
      ...database.env,
      NODE_ENV: 'production',
      APP_KEY: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'warn',
    })
    const nodes = [nodeA.baseUrl, nodeB.baseUrl]
    const adminToken = await nodeA.signIn(ADMIN.email, ADMIN.password)
    const emails = await ensureAgents(raw, nodeA.baseUrl, adminToken, campaignId, agentCount)

    const building = performance.now()
    const list = await call(nodeA.baseUrl, adminToken, '/api/p/dialer/lists', {
      name: `Bench ${now()}`,
      campaignId,
    })
    if (list.building) {
      // a large list is built by a job: follow it as the Marcador page does
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        const run = await call(nodeA.baseUrl, adminToken, `/api/jobs/${list.jobId}`)
        if (run.status === 'failed') throw new Error(`list build failed: ${run.error}`)
        if (run.status === 'done') {
          list.total = run.result.total
          list.skippedInvalid = run.result.skippedInvalid
          break
        }
      }
    }
    const buildSeconds = (performance.now() - building) / 1000
    console.log(
      `list: ${list.total} contacts (${list.skippedInvalid} invalid phones) in ${buildSeconds.toFixed(2)} s`
    )

    const tokens = await Promise.all(emails.map((email) => nodeA.signIn(email, AGENT_PASSWORD)))
    const handed = new Map<number, number>()
    let claims = 0
    const servers = [nodeA.pid!, nodeB.pid!]
    const mariadb = kind === 'mysql' ? databaseServerPid() : null
    const serverCpu = () => servers.reduce((total, pid) => total + cpuMs(pid), 0)
    const cpuBefore = { servers: serverCpu(), database: mariadb ? cpuMs(mariadb) : 0 }
    const started = performance.now()
    await Promise.all(
      tokens.map(async (token, index) => {
        const baseUrl = nodes[index % nodes.length]
        for (;;) {
          const contact = await call(
            baseUrl,
            token,
            `/api/p/dialer/campaigns/${campaignId}/next`,
            {}
          )
          if (!contact) return
          claims++
          handed.set(contact.id, (handed.get(contact.id) ?? 0) + 1)
          await call(baseUrl, token, `/api/p/dialer/contacts/${contact.id}/no-answer`, {})
        }
      })
    )
    const seconds = (performance.now() - started) / 1000
    const serverCpuMs = serverCpu() - cpuBefore.servers
    const databaseCpuMs = mariadb ? cpuMs(mariadb) - cpuBefore.database : null
    const floorRequestsPerSecond = await signedInFloor(nodes, tokens)
    const duplicates = [...handed.values()].filter((times) => times > 1).length
    const [settled] = await raw.query({
      sql: "SELECT COUNT(*) AS total FROM dialer_contacts WHERE list_id = ? AND status = 'recall' AND attempts = 1",
      bindings: [list.id],
    })
    const lost = Number(list.total) - handed.size
    if (Number(settled.total) !== Number(list.total)) {
      console.error(`! ${settled.total} of ${list.total} contacts ended as one no-answer`)
    }
    const result: DialerClaimsResult = {
      database: kind === 'sqlite' ? 'SQLite' : 'MariaDB',
      nodes: nodes.length,
      agents: tokens.length,
      contacts: Number(list.total),
      buildSeconds,
      claims,
      duplicates,
      lost,
      seconds,
      claimsPerSecond: claims / seconds,
      floorRequestsPerSecond,
      serverCpuMsPerClaim: serverCpuMs / claims,
      databaseCpuMsPerClaim: databaseCpuMs === null ? null : databaseCpuMs / claims,
    }
    console.log(
      `${claims} claims in ${seconds.toFixed(2)} s: ${result.claimsPerSecond.toFixed(0)} claims/s; ` +
        `${duplicates} duplicates, ${lost} lost; signed-in floor ${floorRequestsPerSecond.toFixed(0)} req/s ` +
        `(at most ${(floorRequestsPerSecond / 2).toFixed(0)} claims/s, two requests each); ` +
        `CPU per claim: servers ${result.serverCpuMsPerClaim.toFixed(2)} ms` +
        (result.databaseCpuMsPerClaim === null
          ? ''
          : `, database server ${result.databaseCpuMsPerClaim.toFixed(2)} ms (shared with the machine)`)
    )
    return result
  } finally {
    await nodeB.stop()
    await nodeA.stop()
    await raw.close()
  }
}

/**
 * The ceiling of this setup on this machine: the same agents, on the same
 * two nodes, send `GET /api/auth/me` (a signed-in request: the middleware,
 * the token, a JSON answer; the user is cached, so no SQL) as fast as they
 * can. A claim is two requests (the claim, its no-answer), so half this
 * rate is what the nodes could reach if a claim cost no more than that.
 */
async function signedInFloor(nodes: string[], tokens: string[]) {
  const started = performance.now()
  await Promise.all(
    tokens.map(async (token, index) => {
      const baseUrl = nodes[index % nodes.length]
      for (let sent = 0; sent < FLOOR_REQUESTS_PER_AGENT; sent++) {
        await call(baseUrl, token, '/api/auth/me')
      }
    })
  )
  return (tokens.length * FLOOR_REQUESTS_PER_AGENT) / ((performance.now() - started) / 1000)
}

export function dialerTable(rows: DialerClaimsResult[]) {
  const n = (value: number, digits = 0) =>
    value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  return [
    '| database | nodes | agents | contacts | list build s | claims | duplicates | lost | s | claims/s | signed-in floor req/s | floor / 2 | servers CPU ms / claim | database CPU ms / claim |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.database} | ${row.nodes} | ${row.agents} | ${n(row.contacts)} | ${n(row.buildSeconds, 2)} | ` +
        `${n(row.claims)} | ${row.duplicates} | ${row.lost} | ${n(row.seconds, 2)} | ${n(row.claimsPerSecond)} | ` +
        `${n(row.floorRequestsPerSecond)} | ${n(row.floorRequestsPerSecond / 2)} | ` +
        `${n(row.serverCpuMsPerClaim, 2)} | ${row.databaseCpuMsPerClaim === null ? '–' : n(row.databaseCpuMsPerClaim, 2)} |`
    ),
  ].join('\n')
}

export async function benchDialerClaims(options: BenchOptions, argv: string[]) {
  const rows =
    argv.includes('--rows') || process.env.BENCH_IMPORT_ROWS ? options.importRows[0] : 10_000
  const agents =
    argv.includes('--connections') || process.env.BENCH_CONNECTIONS ? options.connections : 50
  const results: DialerClaimsResult[] = []
  for (const kind of options.databases) results.push(await benchOne(kind, options, rows, agents))
  console.log(`\n${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`)
  console.log(dialerTable(results))
  if (results.some((row) => row.duplicates > 0 || row.lost > 0)) process.exitCode = 1
  return results
}

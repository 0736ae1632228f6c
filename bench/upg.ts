/**
 * npm run bench -- --only upg [--db sqlite|mysql] [--clients 100000] [--rows 5000000]
 *
 * Issue 18 (U4): the anti-fraud search at 5,000,000 stored transactions
 * (`--rows`), target p95 ≤ 50 ms. The bench database gets its clients as
 * the other benches do, then `upg_transactions` is filled in SQL up to the
 * count (set-up, not timed): each client pays with one to three cards (5 %
 * of cards shared between two clients) from seven IPs of its own /24. Then,
 * through the real server as the admin, sequential requests with samples
 * drawn from the table: search by card mask, by exact IP, by /24, and the
 * client tab's list (all services, and one service). Never part of npm test.
 */
import { cpus } from 'node:os'
import type { BenchOptions, DatabaseKind } from './options.ts'
import { benchDatabase } from './bench_database.ts'
import { ensureBenchData } from './bench_data.ts'
import { AppServer } from './app_server.ts'
import type { RawClient } from './raw_client.ts'

const ADMIN = { email: 'admin@tablero.test', password: 'Admin123!' }
const REQUESTS = 300
const WARMUP = 30
const CHUNK = 250_000

export interface UpgResult {
  database: string
  transactions: number
  scenario: string
  requests: number
  p50: number
  p95: number
  max: number
  meanMatches: number
}

/** The columns of one generated row, as SQL over `n` (the row number) and `c` (its client id). */
function generatedRow(dialect: 'sqlite' | 'mysql') {
  const concat = (...parts: string[]) =>
    // in SQLite `||` binds tighter than arithmetic: each part in parentheses
    dialect === 'sqlite'
      ? parts.map((part) => `(${part})`).join(' || ')
      : `CONCAT(${parts.join(', ')})`
  const pad = (value: string, width: number) =>
    dialect === 'sqlite' ? `printf('%0${width}d', ${value})` : `LPAD(${value}, ${width}, '0')`
  const div = (a: string, b: number) => (dialect === 'sqlite' ? `(${a}) / ${b}` : `(${a}) DIV ${b}`)
  // a card per (client, n % 3); one card in 20 is the next client's too
  const card = `(CASE WHEN c % 20 = 0 THEN (c + 1) * 3 ELSE c * 3 + n % 3 END)`
  const network = concat(`'10.'`, `${div('c % 65536', 256)}`, `'.'`, `(c % 256)`)
  const date =
    dialect === 'sqlite'
      ? `datetime('2026-01-01', '+' || (n % 28000000) || ' seconds')`
      : `TIMESTAMPADD(SECOND, n % 28000000, '2026-01-01')`
  return {
    columns:
      'client_id, external_user_id, service, order_number, amount, currency, payment_method, ' +
      'card_bin, card_last4, card_brand, gateway, payment_ip, ip_network, status, occurred_at, created_at',
    values: [
      'c',
      concat(`'B-'`, 'c'),
      `CASE n % 5 WHEN 0 THEN 'travel' WHEN 1 THEN 'shipping' WHEN 2 THEN 'market' WHEN 3 THEN 'topups' ELSE 'remittances' END`,
      concat(`'ORD-'`, 'n'),
      `(n % 50000) / 100.0 + 1`,
      `'USD'`,
      `'card'`,
      pad(`400000 + (${card} * 7919) % 200000`, 6),
      pad(`${card} % 10000`, 4),
      `'Visa'`,
      `'Stripe'`,
      concat(network, `'.'`, `(n % 7 + 1)`),
      network,
      `CASE n % 4 WHEN 0 THEN 'declined' ELSE 'approved' END`,
      date,
      date,
    ].join(', '),
  }
}

async function count(raw: RawClient, sql: string) {
  const [row] = await raw.query({ sql, bindings: [] })
  return Number(Object.values(row)[0])
}

/** Fills upg_transactions up to `rows` (kept between runs: a full table is left as it is). */
async function fill(raw: RawClient, rows: number) {
  let have = await count(raw, 'SELECT COUNT(*) AS n FROM upg_transactions')
  const firstClient = await count(raw, 'SELECT MIN(id) AS n FROM clients')
  const clients = await count(raw, 'SELECT COUNT(*) AS n FROM clients')
  const { columns, values } = generatedRow(raw.dialect)
  const started = performance.now()
  while (have < rows) {
    const from = have + 1
    const to = Math.min(rows, have + CHUNK)
    const client = `(${firstClient} + n % ${clients})`
    const select = values.replaceAll(/\bc\b/g, client)
    const sql =
      raw.dialect === 'sqlite'
        ? `INSERT INTO upg_transactions (${columns}) WITH RECURSIVE seq(n) AS (SELECT ${from} UNION ALL SELECT n + 1 FROM seq WHERE n < ${to}) SELECT ${select} FROM seq`
        : `INSERT INTO upg_transactions (${columns}) SELECT ${select} FROM (SELECT seq AS n FROM seq_${from}_to_${to}) AS seq`
    await raw.query({ sql, bindings: [] })
    have = to
    process.stdout.write(`\r  upg_transactions: ${have.toLocaleString('en-US')} rows`)
  }
  const seconds = (performance.now() - started) / 1000
  console.log(`\n  filled in ${seconds.toFixed(1)} s`)
}

async function samples(raw: RawClient, rows: number) {
  const ids = Array.from({ length: REQUESTS + WARMUP }, () => 1 + Math.floor(Math.random() * rows))
  const found = []
  for (const id of ids) {
    const [row] = await raw.query({
      sql: 'SELECT client_id, card_bin, card_last4, payment_ip, service FROM upg_transactions WHERE id >= ? ORDER BY id LIMIT 1',
      bindings: [id],
    })
    if (row) found.push(row)
  }
  return found
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]

async function measure(
  server: AppServer,
  token: string,
  rows: Array<Record<string, unknown>>,
  request: (row: Record<string, unknown>) => { path: string; body?: unknown },
  matches: (data: any) => number
) {
  const times: number[] = []
  let total = 0
  for (const [index, row] of rows.entries()) {
    const { path, body } = request(row)
    const started = performance.now()
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const answer = (await response.json()) as any
    const elapsed = performance.now() - started
    if (response.status !== 200)
      throw new Error(`${path} answered ${response.status}: ${JSON.stringify(answer)}`)
    if (index < WARMUP) continue
    times.push(elapsed)
    total += matches(answer)
  }
  times.sort((a, b) => a - b)
  return {
    requests: times.length,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: times[times.length - 1],
    meanMatches: total / times.length,
  }
}

async function benchOne(kind: DatabaseKind, options: BenchOptions, rows: number) {
  const database = benchDatabase(kind, options)
  console.log(`\n=== ${database.label}: upg at ${rows.toLocaleString('en-US')} transactions`)
  await ensureBenchData(database, options.clients)
  const raw = database.openRaw(2)
  const server = new AppServer(database)
  const results: UpgResult[] = []
  try {
    await fill(raw, rows)
    const stored = await count(raw, 'SELECT COUNT(*) AS n FROM upg_transactions')
    const picked = await samples(raw, stored)
    await server.start()
    const token = await server.signIn(ADMIN.email, ADMIN.password)
    const scenarios: Array<
      [string, (row: any) => { path: string; body?: unknown }, (data: any) => number]
    > = [
      [
        'fraud: card mask',
        (row) => ({
          path: '/api/p/upg/fraud/search',
          body: { card: `${row.card_bin}******${row.card_last4}` },
        }),
        (answer) => answer.data.total,
      ],
      [
        'fraud: exact IP',
        (row) => ({ path: '/api/p/upg/fraud/search', body: { ip: row.payment_ip } }),
        (answer) => answer.data.total,
      ],
      [
        'fraud: same /24',
        (row) => ({
          path: '/api/p/upg/fraud/search',
          body: { ip: row.payment_ip, ipScope: 'network' },
        }),
        (answer) => answer.data.total,
      ],
      [
        'tab: client transactions',
        (row) => ({ path: `/api/p/upg/clients/${row.client_id}/transactions` }),
        (answer) => answer.meta.total,
      ],
      [
        'tab: one service',
        (row) => ({
          path: `/api/p/upg/clients/${row.client_id}/transactions?service=${row.service}`,
        }),
        (answer) => answer.meta.total,
      ],
    ]
    for (const [scenario, request, matches] of scenarios) {
      const figures = await measure(server, token, picked, request, matches)
      const result = {
        database: kind === 'sqlite' ? 'SQLite' : 'MariaDB',
        transactions: stored,
        scenario,
        ...figures,
      }
      results.push(result)
      console.log(
        `${scenario}: p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, ` +
          `max ${figures.max.toFixed(1)} ms, ${figures.meanMatches.toFixed(1)} matches on average`
      )
    }
  } finally {
    await server.stop()
    await raw.close()
  }
  return results
}

export function upgTable(rows: UpgResult[]) {
  const n = (value: number, digits = 1) =>
    value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  return [
    '| database | transactions | scenario | requests | p50 ms | p95 ms | max ms | matches (mean) | p95 ≤ 50 ms |',
    '|---|---:|---|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (row) =>
        `| ${row.database} | ${n(row.transactions, 0)} | ${row.scenario} | ${row.requests} | ` +
        `${n(row.p50)} | ${n(row.p95)} | ${n(row.max)} | ${n(row.meanMatches)} | ${row.p95 <= 50 ? 'yes' : 'NO'} |`
    ),
  ].join('\n')
}

export async function benchUpg(options: BenchOptions, argv: string[]) {
  const rows = argv.includes('--rows') ? options.importRows[0] : 5_000_000
  const results: UpgResult[] = []
  for (const kind of options.databases) results.push(...(await benchOne(kind, options, rows)))
  console.log(`\n${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`)
  console.log(upgTable(results))
  return results
}

/**
 * npm run bench -- --only alerts [--db sqlite|mysql] [--clients 1000000] [--rows 2000000]
 *
 * Issue 17 (collections-alerts): at 1,000,000 clients and 2,000,000 debts
 * (`--rows`), the portfolio list sorted by days overdue and by amount, both
 * ways and filtered, and the clients list filtered by alert, target p95 ≤
 * 50 ms. The bench database gets its clients as the other benches do, then
 * `ca_debts` is filled in SQL up to the count, and one client in ten gets
 * an alert (set-up, not timed). Then, through the real server as the admin,
 * sequential requests; beside each scenario the same statements the engine
 * runs (the capped count, the page, the page's link reads) straight through
 * the driver, timed the same way in the same run: API p95 / raw p95 is what
 * the framework adds. The first answer's ids are checked against the raw
 * page's (a drift shows as MISMATCH). Never part of npm test.
 */
import { cpus } from 'node:os'
import knex, { type Knex } from 'knex'
import type { BenchOptions, DatabaseKind } from './options.ts'
import { benchDatabase } from './bench_database.ts'
import { ensureBenchData } from './bench_data.ts'
import { AppServer } from './app_server.ts'
import type { RawClient, Sql } from './raw_client.ts'

const ADMIN = { email: 'admin@tablero.test', password: 'Admin123!' }
const REQUESTS = 300
const WARMUP = 30
const CHUNK = 250_000
const PER_PAGE = 25
/** resource_queries.ts COUNT_CAP */
const COUNT_CAP = 1_000
/** Seed 003's payment alerts ("Alerta: problema de no pago"). */
const PAYMENT_TYPES = ['no_quiere_pagar', 'no_puede_pagar', 'reestructuracion', 'refinanciacion']

export interface AlertsResult {
  database: string
  clients: number
  debts: number
  scenario: string
  requests: number
  p50: number
  p95: number
  rawP95: number
  max: number
  check: string
}

/** What one request asks and the statements the engine runs for it. */
interface Request {
  path: string
  statements: Sql[]
}

async function count(raw: RawClient, sql: string) {
  const [row] = await raw.query({ sql, bindings: [] })
  return Number(Object.values(row)[0])
}

/** Fills ca_debts up to `rows`, two debts a client on average (a full table is left as it is). */
async function fillDebts(raw: RawClient, rows: number) {
  let have = await count(raw, 'SELECT COUNT(*) AS n FROM ca_debts')
  const firstClient = await count(raw, 'SELECT MIN(id) AS n FROM clients')
  const clients = await count(raw, 'SELECT COUNT(*) AS n FROM clients')
  const sqlite = raw.dialect === 'sqlite'
  // due dates over the 1,500 days before 2026-12-31, amounts 10.00–99,999.99
  const due = sqlite
    ? `date('2026-12-31', '-' || ((n * 7919) % 1500) || ' days')`
    : `DATE_SUB('2026-12-31', INTERVAL (n * 7919) % 1500 DAY)`
  const product = sqlite ? `'Tarjeta ' || (n % 5)` : `CONCAT('Tarjeta ', n % 5)`
  const select =
    `${firstClient} + n % ${clients}, ${product}, ((n * 104729) % 9999000) / 100.0 + 10, ` +
    `'PEN', ${due}, '2026-01-01 00:00:00'`
  const columns = 'client_id, product, amount, currency, due_date, created_at'
  const started = performance.now()
  while (have < rows) {
    const from = have + 1
    const to = Math.min(rows, have + CHUNK)
    const sql = sqlite
      ? `INSERT INTO ca_debts (${columns}) WITH RECURSIVE seq(n) AS (SELECT ${from} UNION ALL SELECT n + 1 FROM seq WHERE n < ${to}) SELECT ${select} FROM seq`
      : `INSERT INTO ca_debts (${columns}) SELECT ${select} FROM (SELECT seq AS n FROM seq_${from}_to_${to}) AS seq`
    await raw.query({ sql, bindings: [] })
    have = to
    process.stdout.write(`\r  ca_debts: ${have.toLocaleString('en-US')} rows`)
  }
  console.log(`\n  filled in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

/**
 * One client in ten has an alert up (the link table the filter reads, and
 * its alert row): the payment types in turn, every fifth of them a
 * contactability problem instead. Done once (kept when present).
 */
async function fillAlerts(raw: RawClient) {
  const marked = "SELECT COUNT(*) AS n FROM ca_client_alerts WHERE raised_reason = 'bench'"
  if ((await count(raw, marked)) > 0) return
  const types = await raw.query({
    sql: 'SELECT id, `key` FROM ca_alert_types WHERE `key` IS NOT NULL ORDER BY id',
    bindings: [],
  })
  const id = (key: string) => Number(types.find((type) => type.key === key)?.id)
  const payment = PAYMENT_TYPES.map(id)
  const contact = id('contactabilidad')
  const cases = payment.map((type, index) => `WHEN ${index} THEN ${type}`).join(' ')
  const tenth = raw.dialect === 'sqlite' ? '(id / 10) % 4' : '(id DIV 10) % 4'
  const typeOf = `CASE WHEN id % 50 = 0 THEN ${contact} ELSE CASE ${tenth} ${cases} END END`
  const started = performance.now()
  await raw.query({
    // the demo's few alerts are left as they are: clients it marked are skipped
    sql:
      `INSERT INTO ca_client_alert_flags (client_id, alert_type_id) SELECT id, ${typeOf} FROM clients ` +
      'WHERE id % 10 = 0 AND id NOT IN (SELECT client_id FROM ca_client_alert_flags)',
    bindings: [],
  })
  await raw.query({
    sql:
      'INSERT INTO ca_client_alerts (client_id, alert_type_id, source, active_key, raised_at, raised_reason) ' +
      "SELECT client_id, alert_type_id, 'job', '-', '2026-01-01 00:00:00', 'bench' FROM ca_client_alert_flags " +
      'WHERE client_id NOT IN (SELECT client_id FROM ca_client_alerts)',
    bindings: [],
  })
  const flags = await count(raw, 'SELECT COUNT(*) AS n FROM ca_client_alert_flags')
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`  alerts: ${flags.toLocaleString('en-US')} clients, in ${seconds} s`)
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]

/** The engine's statements for a list (ResourceQueries.list): capped count, page, link reads. */
class EngineSql {
  #knex: Knex

  constructor(dialect: 'sqlite' | 'mysql') {
    this.#knex = knex({
      client: dialect === 'sqlite' ? 'better-sqlite3' : 'mysql2',
      useNullAsDefault: true,
    })
  }

  list(
    table: string,
    columns: string[],
    where: (query: Knex.QueryBuilder) => void,
    sort: Array<[string, 'asc' | 'desc']>
  ): Sql[] {
    const filtered = () => {
      const query = this.#knex(table)
      where(query)
      return query
    }
    const capped = filtered()
      .select('id')
      .limit(COUNT_CAP + 1)
      .as('capped')
    const counted = this.#knex.from(capped).count('* as total')
    const page = filtered().select(columns)
    for (const [column, direction] of sort) page.orderBy(column, direction)
    if (!sort.some(([column]) => column === 'id')) page.orderBy('id', sort.at(-1)?.[1] ?? 'asc')
    page.offset(0).limit(PER_PAGE)
    return [native(counted), native(page)]
  }

  /**
   * A clients list narrowed by a link, ordered by id (list_query.ts linkDrive): read from
   * the link table joined to the table; the count keeps each row once; a page of several
   * values walks the link table's own key (`+column`) and groups by the row.
   */
  drivenList(
    table: string,
    columns: string[],
    link: { table: string; localKey: string; foreignKey: string },
    values: number[],
    direction: 'asc' | 'desc'
  ): Sql[] {
    const from = () =>
      this.#knex({ driving_link: link.table }).join(
        table,
        `${table}.id`,
        `driving_link.${link.localKey}`
      )
    const foreign = `driving_link.${link.foreignKey}`
    const linked = `driving_link.${link.localKey}`
    const capped = from()
      .whereIn(foreign, values)
      .distinct(`${table}.id`)
      .limit(COUNT_CAP + 1)
      .as('capped')
    const counted = this.#knex.from(capped).count('* as total')
    const page = from()
    if (values.length > 1) {
      page.whereRaw(`+?? IN (${values.map(() => '?').join(', ')})`, [foreign, ...values])
      page.groupBy(linked)
    } else {
      page.whereIn(foreign, values)
    }
    page.orderBy(linked, direction).select(columns).offset(0).limit(PER_PAGE)
    return [native(counted), native(page)]
  }

  /** loadLinks: every relations field's links of the page's rows, in one UNION ALL. */
  links(
    tables: Array<{ table: string; localKey: string; foreignKey: string }>,
    ids: number[]
  ): Sql {
    const parts = tables.map(({ table, localKey, foreignKey }, place) =>
      this.#knex
        .from(table)
        .whereIn(localKey, ids)
        .select(
          this.#knex.raw(`${place} as link_field`),
          `${localKey} as link_row`,
          `${foreignKey} as link_id`
        )
        .toSQL()
        .toNative()
    )
    return {
      sql: `${parts.map((part) => part.sql).join(' union all ')} order by link_field, link_id`,
      bindings: parts.flatMap((part) => part.bindings),
    }
  }

  destroy() {
    return this.#knex.destroy()
  }
}

function native(query: Knex.QueryBuilder): Sql {
  const { sql, bindings } = query.toSQL().toNative()
  return { sql, bindings }
}

async function timeApi(server: AppServer, token: string, path: string) {
  const started = performance.now()
  const response = await fetch(`${server.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  })
  const answer = (await response.json()) as any
  const elapsed = performance.now() - started
  if (response.status !== 200)
    throw new Error(`${path} answered ${response.status}: ${JSON.stringify(answer)}`)
  return { elapsed, answer }
}

async function timeRaw(raw: RawClient, statements: Sql[]) {
  const started = performance.now()
  const answers = []
  for (const statement of statements) answers.push(await raw.query(statement))
  return { elapsed: performance.now() - started, answers }
}

/**
 * `requests(i)` gives the i-th request (its samples differ); the API and the
 * raw statements are timed alternately, request by request, so a change in
 * the machine's load touches both columns alike.
 */
async function measure(
  server: AppServer,
  token: string,
  raw: RawClient,
  requests: (index: number, linkIds?: number[]) => Request,
  linked: boolean
) {
  const api: number[] = []
  const direct: number[] = []
  let check = 'same ids'
  for (let index = 0; index < REQUESTS + WARMUP; index++) {
    const asked = requests(index)
    const { elapsed, answer } = await timeApi(server, token, asked.path)
    const ids = answer.data.map((row: { id: number }) => Number(row.id))
    // the page's link reads need the page's ids: the raw side reads the same ones
    const statements = linked ? requests(index, ids).statements : asked.statements
    const rawRun = await timeRaw(raw, statements)
    if (index === 0) {
      const rawIds = rawRun.answers[1].map((row) => Number(row.id))
      if (rawIds.join() !== ids.join()) check = `MISMATCH api ${ids.length} raw ${rawIds.length}`
    }
    if (index < WARMUP) continue
    api.push(elapsed)
    direct.push(rawRun.elapsed)
  }
  api.sort((a, b) => a - b)
  direct.sort((a, b) => a - b)
  return {
    requests: api.length,
    p50: quantile(api, 0.5),
    p95: quantile(api, 0.95),
    max: api[api.length - 1],
    rawP95: quantile(direct, 0.95),
    check,
  }
}

const pick = <T>(list: T[], index: number) => list[(index * 7919) % list.length]

async function benchOne(kind: DatabaseKind, options: BenchOptions, rows: number) {
  const database = benchDatabase(kind, options)
  console.log(`\n=== ${database.label}: alerts at ${rows.toLocaleString('en-US')} debts`)
  await ensureBenchData(database, options.clients)
  const raw = database.openRaw(2)
  const server = new AppServer(database)
  const sql = new EngineSql(raw.dialect)
  const results: AlertsResult[] = []
  try {
    await fillDebts(raw, rows)
    await fillAlerts(raw)
    const debts = await count(raw, 'SELECT COUNT(*) AS n FROM ca_debts')
    const clients = await count(raw, 'SELECT COUNT(*) AS n FROM clients')
    await server.start()
    const token = await server.signIn(ADMIN.email, ADMIN.password)
    // the columns each list selects, as its first answer shows them
    const columnsOf = async (resource: string, skip: string[] = []) => {
      const { answer } = await timeApi(server, token, `/api/r/${resource}?perPage=1`)
      return Object.keys(answer.data[0] ?? {}).filter((column) => !skip.includes(column))
    }
    const debtColumns = await columnsOf('ca_debts')
    const clientColumns = await columnsOf('clients', ['alerts', 'contactability'])
    const types = await raw.query({
      sql: 'SELECT id, `key` FROM ca_alert_types WHERE `key` IS NOT NULL',
      bindings: [],
    })
    const typeId = (key: string) => Number(types.find((type) => type.key === key)?.id)
    const paymentIds = PAYMENT_TYPES.map(typeId)
    const sampled = await raw.query({
      sql: `SELECT client_id FROM ca_debts WHERE id % 997 = 0 LIMIT ${REQUESTS + WARMUP}`,
      bindings: [],
    })
    const sampleClients = sampled.map((row) => Number(row.client_id))
    const days = [30, 60, 90, 180, 365]
    const since = (n: number) =>
      new Date(Date.UTC(2026, 11, 31) - n * 86_400_000).toISOString().slice(0, 10)
    const filterParam = (tree: unknown) => encodeURIComponent(JSON.stringify(tree))
    const debtsList = (
      sort: Array<[string, 'asc' | 'desc']>,
      where: (query: Knex.QueryBuilder) => void = () => {},
      filter?: unknown
    ) => {
      const sortParam = sort.map(([c, d]) => (d === 'desc' ? `-${c}` : c)).join(',')
      const path =
        `/api/r/ca_debts?perPage=${PER_PAGE}&sort=${sortParam}` +
        (filter ? `&filter=${filterParam(filter)}` : '')
      return { path, statements: sql.list('ca_debts', debtColumns, where, sort) }
    }
    const alertLink = {
      table: 'ca_client_alert_flags',
      localKey: 'client_id',
      foreignKey: 'alert_type_id',
    }
    const clientsByAlert = (filter: { field: string; op: string; value: number | number[] }) => {
      const values = Array.isArray(filter.value) ? filter.value : [filter.value]
      return (_index: number, ids: number[] = []) => ({
        path: `/api/r/clients?perPage=${PER_PAGE}&filter=${filterParam(filter)}`,
        statements: [
          ...sql.drivenList('clients', clientColumns, alertLink, values, 'desc'),
          sql.links(
            [
              alertLink,
              { table: 'ca_client_contactability', localKey: 'client_id', foreignKey: 'state_id' },
            ],
            ids
          ),
        ],
      })
    }
    const scenarios: Array<[string, (index: number, ids?: number[]) => Request, boolean]> = [
      ['debts: most days overdue first', () => debtsList([['due_date', 'asc']]), false],
      ['debts: fewest days overdue first', () => debtsList([['due_date', 'desc']]), false],
      ['debts: largest amount first', () => debtsList([['amount', 'desc']]), false],
      ['debts: smallest amount first', () => debtsList([['amount', 'asc']]), false],
      [
        'debts: > N days overdue, by amount',
        (index) => {
          const before = since(pick(days, index))
          return debtsList([['amount', 'desc']], (query) => query.where('due_date', '<', before), {
            field: 'due_date',
            op: 'lt',
            value: before,
          })
        },
        false,
      ],
      [
        'debts: amount ≥ X, most overdue first',
        (index) => {
          const least = 1000 * (1 + (index % 50))
          return debtsList([['due_date', 'asc']], (query) => query.where('amount', '>=', least), {
            field: 'amount',
            op: 'gte',
            value: least,
          })
        },
        false,
      ],
      [
        "debts: one client's (Cartera)",
        (index) => {
          const clientId = pick(sampleClients, index)
          return debtsList([['due_date', 'asc']], (query) => query.where('client_id', clientId), {
            field: 'client_id',
            op: 'eq',
            value: clientId,
          })
        },
        false,
      ],
      [
        'clients: alert contains a type',
        (index, ids) => {
          const type = pick(paymentIds, index)
          return clientsByAlert({ field: 'alerts', op: 'contains', value: type })(index, ids)
        },
        true,
      ],
      [
        'clients: problema de no pago (in 4 types)',
        clientsByAlert({ field: 'alerts', op: 'in', value: paymentIds }),
        true,
      ],
      [
        'clients: a rare type (promesa incumplida)',
        clientsByAlert({ field: 'alerts', op: 'contains', value: typeId('promesa_incumplida') }),
        true,
      ],
      [
        // the worst case of a page of several values: it walks the whole link table
        'clients: in [rare, rare] (the page walks every link)',
        clientsByAlert({
          field: 'alerts',
          op: 'in',
          value: [typeId('promesa_incumplida'), typeId('promesa_incumplida')],
        }),
        true,
      ],
    ]
    for (const [scenario, requests, linked] of scenarios) {
      if (
        options.only &&
        options.only.length > 1 &&
        !options.only.some((w) => scenario.includes(w))
      )
        continue
      const figures = await measure(server, token, raw, requests, linked)
      const result = {
        database: kind === 'sqlite' ? 'SQLite' : 'MariaDB',
        clients,
        debts,
        scenario,
        ...figures,
      }
      results.push(result)
      console.log(
        `${scenario}: p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, ` +
          `raw p95 ${figures.rawP95.toFixed(2)} ms — ${figures.check}`
      )
    }
  } finally {
    await sql.destroy()
    await server.stop()
    await raw.close()
  }
  return results
}

export function alertsTable(rows: AlertsResult[]) {
  const n = (value: number, digits = 1) =>
    value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  return [
    '| database | clients | debts | scenario | requests | p50 ms | p95 ms | raw p95 ms | API/raw p95 | max ms | p95 ≤ 50 ms | check |',
    '|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.database} | ${n(row.clients, 0)} | ${n(row.debts, 0)} | ${row.scenario} | ${row.requests} | ` +
        `${n(row.p50)} | ${n(row.p95)} | ${n(row.rawP95, 2)} | ${n(row.p95 / row.rawP95)} | ${n(row.max)} | ` +
        `${row.p95 <= 50 ? 'yes' : 'NO'} | ${row.check} |`
    ),
  ].join('\n')
}

export async function benchAlerts(options: BenchOptions, argv: string[]) {
  const rows = argv.includes('--rows') ? options.importRows[0] : options.clients * 2
  const results: AlertsResult[] = []
  for (const kind of options.databases) results.push(...(await benchOne(kind, options, rows)))
  console.log(`\n${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`)
  console.log(alertsTable(results))
  return results
}

import type { ScenarioResult } from './scenario_run.ts'

/** API p95 over raw p95 the design accepts: the framework may at most double the SQL's time. */
export const MAX_RATIO = 2

export interface ReportRow extends ScenarioResult {
  database: string
  clients: number
  /** share of the CPU other processes used just before the scenario */
  busyBefore: number
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '-')
const rps = (value: number) => Math.round(value).toLocaleString('en-US')

export function ratioOf(row: ScenarioResult) {
  return row.raw ? row.api.p95 / row.raw.p95 : Number.NaN
}

export function verdict(row: ScenarioResult) {
  const misses = []
  if (!(row.api.p95 <= row.targetP95)) misses.push(`p95 > ${row.targetP95} ms`)
  if (row.raw && !(ratioOf(row) <= MAX_RATIO)) misses.push(`ratio > ${MAX_RATIO}`)
  if (row.api.failures > 0 || (row.raw?.failures ?? 0) > 0) misses.push('failures')
  if (!row.check.startsWith('ok')) misses.push('mismatch')
  return misses.length === 0 ? 'ok' : `MISS: ${misses.join(', ')}`
}

const HEAD = [
  'database',
  'clients',
  'scenario',
  'API p50',
  'API p95',
  'API p99',
  'API req/s',
  'raw p50',
  'raw p95',
  'raw p99',
  'raw req/s',
  'p95 API/raw',
  'target p95',
  'busy',
  'verdict',
]

function cells(row: ReportRow) {
  return [
    row.database,
    row.clients.toLocaleString('en-US'),
    row.scenario,
    ms(row.api.p50),
    ms(row.api.p95),
    ms(row.api.p99),
    rps(row.api.requestsPerSecond),
    ms(row.raw?.p50 ?? Number.NaN),
    ms(row.raw?.p95 ?? Number.NaN),
    ms(row.raw?.p99 ?? Number.NaN),
    row.raw ? rps(row.raw.requestsPerSecond) : '-',
    row.raw ? ratioOf(row).toFixed(1) : '-',
    `${row.targetP95} ms`,
    `${Math.round(row.busyBefore * 100)} %`,
    verdict(row),
  ]
}

/** A fixed-width table for the terminal (latencies in ms). */
export function textTable(rows: ReportRow[]) {
  const lines = [HEAD, ...rows.map(cells)]
  const widths = HEAD.map((_, i) => Math.max(...lines.map((line) => line[i].length)))
  return lines
    .map((line) =>
      line.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
    )
    .join('\n')
}

/** The same table in Markdown, as bench/README.md shows it. */
export function markdownTable(rows: ReportRow[]) {
  const lines = [HEAD, HEAD.map((_, i) => (i < 3 ? '---' : '---:')), ...rows.map(cells)]
  return lines.map((line) => `| ${line.join(' | ')} |`).join('\n')
}

import type { ScenarioResult } from './scenario_run.ts'
import { X2_FACTOR } from './scenarios.ts'

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

/**
 * API/raw split in two (information, no target): floor/raw is what a bare
 * node:http server adds to the SQL, API/floor what the framework adds to that.
 */
export function floorRatios(row: ScenarioResult) {
  const floor = row.floor?.p95 ?? Number.NaN
  return { floorOverRaw: floor / (row.raw?.p95 ?? Number.NaN), apiOverFloor: row.api.p95 / floor }
}

const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-')

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
  'floor p50',
  'floor p95',
  'floor req/s',
  'p95 API/raw',
  'floor/raw',
  'API/floor',
  'target p95',
  'busy',
  'verdict',
]

function cells(row: ReportRow) {
  const { floorOverRaw, apiOverFloor } = floorRatios(row)
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
    ms(row.floor?.p50 ?? Number.NaN),
    ms(row.floor?.p95 ?? Number.NaN),
    row.floor ? rps(row.floor.requestsPerSecond) : '-',
    ratio(ratioOf(row)),
    ratio(floorOverRaw),
    ratio(apiOverFloor),
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

const X2_HEAD = [
  'database',
  'custom scenario',
  'custom API p95',
  'built-in API p95',
  'API custom/built-in',
  'custom raw p95',
  'built-in raw p95',
  'raw custom/built-in',
  'custom API/raw',
  'verdict',
]

/**
 * FEATURES X2, one line per custom-field scenario: its p95 beside the
 * built-in column's measured in the same run (API and raw SQL), and
 * whether it holds custom ≤ X2_FACTOR × built-in and ≤ its target.
 */
function x2Lines(rows: ReportRow[]) {
  return rows.flatMap((row) => {
    const builtIn = rows.find(
      (other) => other.database === row.database && other.scenario === row.builtIn
    )
    if (!row.builtIn || !builtIn) return []
    const apiRatio = row.api.p95 / builtIn.api.p95
    const rawRatio = (row.raw?.p95 ?? Number.NaN) / (builtIn.raw?.p95 ?? Number.NaN)
    const misses = []
    if (!(apiRatio <= X2_FACTOR)) misses.push(`> ${X2_FACTOR}× built-in`)
    if (!(row.api.p95 <= row.targetP95)) misses.push(`p95 > ${row.targetP95} ms`)
    return [
      [
        row.database,
        row.scenario,
        ms(row.api.p95),
        ms(builtIn.api.p95),
        apiRatio.toFixed(2),
        ms(row.raw?.p95 ?? Number.NaN),
        ms(builtIn.raw?.p95 ?? Number.NaN),
        Number.isFinite(rawRatio) ? rawRatio.toFixed(2) : '-',
        ratioOf(row).toFixed(1),
        misses.length === 0 ? 'ok' : `MISS: ${misses.join(', ')}`,
      ],
    ]
  })
}

/** The X2 comparison for the terminal (empty when no custom-field scenario ran). */
export function x2TextTable(rows: ReportRow[]) {
  const lines = [X2_HEAD, ...x2Lines(rows)]
  if (lines.length === 1) return ''
  const widths = X2_HEAD.map((_, i) => Math.max(...lines.map((line) => line[i].length)))
  return lines
    .map((line) =>
      line.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
    )
    .join('\n')
}

/** The X2 comparison in Markdown. */
export function x2MarkdownTable(rows: ReportRow[]) {
  const body = x2Lines(rows)
  if (body.length === 0) return ''
  const lines = [X2_HEAD, X2_HEAD.map((_, i) => (i < 2 ? '---' : '---:')), ...body]
  return lines.map((line) => `| ${line.join(' | ')} |`).join('\n')
}

import type { ScenarioReport } from './scenarios.ts'

/** One scenario's line of the table: the load's answers, the writes, the scenario's own checks. */
export interface FaultsRow {
  key: string
  title: string
  seconds: number
  report: ScenarioReport
  /** both server processes still running after the scenario (the bench's SIGKILL aside) */
  alive: boolean
  requests?: number
  failures?: Record<string, number>
  documented?: Record<string, number>
  acknowledged?: number
  present?: number
  maxMs?: number
  passed?: boolean
}

const list = (counts: Record<string, number> = {}) =>
  Object.entries(counts)
    .map(([kind, count]) => `${count} × ${kind}`)
    .join('; ') || '0'

/** The markdown table bench/README.md keeps, one line per scenario. */
export function faultsTable(rows: FaultsRow[]) {
  return [
    '| scenario | s | requests | failures by kind | documented answers | writes acknowledged / present | slowest answer ms | recovery s | checks | result |',
    '|---|---:|---:|---|---|---:|---:|---:|---|---|',
    ...rows.map((row) => {
      const checks = row.report.checks
        .map((each) => `${each.ok ? '✓' : '✗'} ${each.text}`)
        .join('<br>')
      const recovery =
        row.report.recoverySeconds === null ? '-' : row.report.recoverySeconds.toFixed(2)
      return (
        `| ${row.title} | ${row.seconds.toFixed(0)} | ${row.requests ?? 0} | ${list(row.failures)} | ` +
        `${list(row.documented)} | ${row.acknowledged ?? 0} / ${row.present ?? 0} | ` +
        `${Math.round(row.maxMs ?? 0)} | ${recovery} | ${checks} | ${row.passed ? 'PASS' : 'FAIL'} |`
      )
    }),
  ].join('\n')
}

/**
 * What one timed run gives: every request's latency in milliseconds and
 * how many failed. The API and the raw SQL runs are summarized by the
 * same code, so their percentiles compare like for like.
 */
export interface LoadResult {
  latencies: number[]
  failures: number
  seconds: number
}

export interface LoadSummary {
  p50: number
  p95: number
  p99: number
  requestsPerSecond: number
  requests: number
  failures: number
}

export function summarize(result: LoadResult): LoadSummary {
  const sorted = Float64Array.from(result.latencies).sort()
  const at = (share: number) =>
    sorted.length === 0
      ? Number.NaN
      : sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    requestsPerSecond: sorted.length / result.seconds,
    requests: sorted.length,
    failures: result.failures,
  }
}

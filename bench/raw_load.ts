import type { LoadResult } from './load_result.ts'

export interface RawLoad {
  /** one "request": the statements the API would run for request number i */
  run: (i: number) => Promise<void>
  connections: number
  seconds: number
}

/**
 * The raw SQL counterpart of autocannon: `connections` loops, each running
 * one request after the other until the time is up, timing each.
 */
export async function loadRaw(load: RawLoad): Promise<LoadResult> {
  const latencies: number[] = []
  let failures = 0
  let next = 0
  const deadline = performance.now() + load.seconds * 1000
  const loop = async () => {
    while (performance.now() < deadline) {
      const started = performance.now()
      try {
        await load.run(next++)
        latencies.push(performance.now() - started)
      } catch {
        failures += 1
      }
    }
  }
  await Promise.all(Array.from({ length: load.connections }, loop))
  return { latencies, failures, seconds: load.seconds }
}

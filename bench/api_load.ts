import autocannon from 'autocannon'
import type { LoadResult } from './load_result.ts'

export interface ApiLoad {
  baseUrl: string
  token: string
  /** request i asks for paths[i % paths.length] */
  paths: string[]
  connections: number
  seconds: number
}

/**
 * autocannon against the running server: a fixed number of connections
 * for a fixed time, each request on the next path of the list, latencies
 * recorded one by one (autocannon's own summary has no p95).
 */
export function loadApi(load: ApiLoad): Promise<LoadResult> {
  let next = 0
  const latencies: number[] = []
  let failures = 0
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.baseUrl,
        connections: load.connections,
        duration: load.seconds,
        headers: { authorization: `Bearer ${load.token}`, accept: 'application/json' },
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({
              ...request,
              path: load.paths[next++ % load.paths.length],
            }),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error)
        resolve({
          latencies,
          failures: failures + result.errors + result.timeouts,
          seconds: load.seconds,
        })
      }
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime)
      else failures += 1
    })
  })
}

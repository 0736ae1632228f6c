import db from '@adonisjs/lucid/services/db'

export type Reachable = 'up' | 'down'

/** How long a probe waits for an answer before it counts the service as down. */
const PROBE_TIMEOUT_MS = 2_000

/**
 * Whether the services this node needs answer now, for /health: the
 * database always, Redis only when the node is configured with it
 * (REDIS_HOST, several app nodes). A probe that does not answer within
 * PROBE_TIMEOUT_MS counts as down, so a load balancer's check never hangs.
 */
export class Reachability {
  static async database(): Promise<Reachable> {
    return probe(() => db.rawQuery('SELECT 1'))
  }

  /** null when this node runs without Redis. */
  static async redis(): Promise<Reachable | null> {
    if (!process.env.REDIS_HOST) return null
    const { default: redis } = await import('@adonisjs/redis/services/main')
    return probe(() => redis.ping())
  }
}

async function probe(check: () => Promise<unknown>): Promise<Reachable> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<Reachable>((resolve) => {
    timer = setTimeout(() => resolve('down'), PROBE_TIMEOUT_MS)
  })
  const answer = check().then(
    (): Reachable => 'up',
    (): Reachable => 'down'
  )
  try {
    return await Promise.race([answer, timeout])
  } finally {
    clearTimeout(timer)
  }
}

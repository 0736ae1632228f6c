import type { Grants } from './grants.ts'

const CHANNEL = 'grants:changed'

/**
 * With several app nodes (REDIS_HOST set), a grants change on one node is
 * published on Redis and every node re-reads the grants at once instead of
 * waiting for the TTL (the same mechanism as PluginToggleBroadcast).
 * Without Redis this does nothing: nodes poll through the TTL.
 */
export class GrantsBroadcast {
  static #active = false

  static async start(grants: Grants) {
    if (!process.env.REDIS_HOST || this.#active) return
    const { default: redis } = await import('@adonisjs/redis/services/main')
    this.#active = true
    grants.onChange(() => {
      redis.publish(CHANNEL, String(process.pid)).catch(() => {})
    })
    redis.subscribe(CHANNEL, (pid) => {
      if (pid !== String(process.pid)) grants.refresh(true).catch(() => {})
    })
  }

  static stop() {
    this.#active = false
  }
}

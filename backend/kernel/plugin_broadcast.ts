import type { PluginRegistry } from './plugin_registry.ts'

const CHANNEL = 'plugins:toggled'

/**
 * With several app nodes (REDIS_HOST set), a toggle on one node is
 * published on Redis and every node re-reads the states at once instead
 * of waiting for its TTL. Without Redis this does nothing.
 */
export class PluginToggleBroadcast {
  static #active = false

  static async start(registry: PluginRegistry) {
    if (!process.env.REDIS_HOST || this.#active) return
    const { default: redis } = await import('@adonisjs/redis/services/main')
    this.#active = true
    registry.onChange((name, enabled) => {
      redis.publish(CHANNEL, JSON.stringify({ name, enabled, pid: process.pid })).catch(() => {})
    })
    redis.subscribe(CHANNEL, () => {
      registry.refresh(true).catch(() => {})
    })
  }

  static async stop() {
    if (!this.#active) return
    const { default: redis } = await import('@adonisjs/redis/services/main')
    await redis.quitAll()
    this.#active = false
  }
}

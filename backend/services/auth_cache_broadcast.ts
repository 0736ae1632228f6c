import { authCache } from '#services/auth_cache'

const CHANNEL = 'auth:changed'

/**
 * With several app nodes (REDIS_HOST set), a change to users or tokens on
 * one node empties the auth cache of every node at once instead of
 * letting them trust their copy for up to two seconds. Without Redis
 * this does nothing.
 */
export class AuthCacheBroadcast {
  static #active = false

  static async start() {
    if (!process.env.REDIS_HOST || this.#active) return
    const { default: redis } = await import('@adonisjs/redis/services/main')
    this.#active = true
    authCache.onForget(() => {
      redis.publish(CHANNEL, String(process.pid)).catch(() => {})
    })
    redis.subscribe(CHANNEL, (pid) => {
      if (pid !== String(process.pid)) authCache.forgetQuietly()
    })
  }

  static stop() {
    this.#active = false
  }
}

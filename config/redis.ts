import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/**
 * Redis is used only when REDIS_HOST is set (several app nodes): limiter,
 * sessions and the plugin-toggle broadcast. One node needs none of it.
 */
const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: {
      host: env.get('REDIS_HOST', '127.0.0.1'),
      port: env.get('REDIS_PORT', 6379),
      password: env.get('REDIS_PASSWORD', ''),
      db: 0,
      keyPrefix: 'tablero:',
      lazyConnect: true,
      // Redis stopped or restarting: keep reconnecting (never give up, or
      // the toggle broadcast would stay dead once it is back), and fail a
      // command after one failed reconnect instead of queueing it for
      // seconds: the request answers 503 and plugin states fall back to
      // their TTL (see README "Several app nodes").
      retryStrategy(times) {
        return Math.min(times * 100, 1000)
      },
      maxRetriesPerRequest: 1,
      // ioredis 5.8.2+ sends CLIENT SETINFO in its connect handshake, which can
      // interleave with a SUBSCRIBE queued before the connection is ready; the
      // subscriber connection then fails its ready check ("Connection in
      // subscriber mode…") and the toggle broadcast stays deaf (redis/ioredis
      // #2037, seen once on a node of bench/faults). Without the client info
      // the handshake holds no such command.
      disableClientInfo: true,
    },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}

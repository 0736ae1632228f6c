import env from '#start/env'
import { defineConfig } from '@adonisjs/transmit'
import { redis } from '@adonisjs/transmit/transports/redis'

/**
 * Live updates to the admin (server-sent events): a broadcast reaches the
 * browsers connected to every node through Redis when REDIS_HOST is set
 * (several app nodes), within this process otherwise.
 */
const host = env.get('REDIS_HOST')

export default defineConfig({
  pingInterval: '30s',
  transport: host
    ? {
        driver: redis({
          host,
          port: env.get('REDIS_PORT', 6379),
          password: env.get('REDIS_PASSWORD', ''),
          keyPrefix: 'tablero:transmit:',
        }),
      }
    : null,
})

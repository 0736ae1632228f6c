import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/lock'
import type { InferLockStores } from '@adonisjs/lock/types'

/**
 * Locks (`withLock` in #sdk) live in Redis when the app runs on several
 * nodes (REDIS_HOST set), otherwise in the database's `locks` table, which
 * every process sharing the database sees (SQLite and MySQL alike).
 */
const lockConfig = defineConfig({
  default: env.get('REDIS_HOST') ? 'redis' : 'database',
  stores: {
    redis: stores.redis({ connectionName: 'main' }),
    database: stores.database({ tableName: 'locks' }),
  },
})

export default lockConfig

declare module '@adonisjs/lock/types' {
  export interface LockStoresList extends InferLockStores<typeof lockConfig> {}
}

import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import type { Duration } from '@adonisjs/lock/types'
import { TableroError } from '#exceptions/tablero_error'
import { refuseInsideGlobalTransaction } from '#services/global_transaction_guard'

export interface LockOptions {
  /**
   * How long the lock lives if this process dies holding it (ms or '30s',
   * default 1 minute). Work that may run longer must ask for more: past it,
   * another caller may take the lock while `fn` still runs.
   */
  ttl?: Duration
  /**
   * How long to wait for a held lock (ms or '5s'). Without it, a held lock
   * answers 409 LOCKED at once.
   */
  wait?: Duration
}

/** Handed to the work done under a lock: work that runs for long renews its TTL as it goes. */
export interface LockLease {
  /** pushes the lock's expiry to `ttl` from now (the lock's own TTL when absent) */
  extend(ttl?: Duration): Promise<void>
}

/** How often a waiting caller retries: short, as the wait itself is bounded. */
const RETRY_DELAY_MS = 50
const DEFAULT_TTL = '1m'
const KEY_MAX = 255

/**
 * Runs `fn` while holding the lock `key`, so that one caller at a time, on
 * any node, does the work (a hopper refill, a sweep, a list build). The
 * lock lives in Redis when REDIS_HOST is set, else in the `locks` table
 * (config/lock.ts). It is released when `fn` returns or throws.
 *
 * Take it outside any transaction and open the transaction inside `fn`:
 * the lock is a row other processes must see, and on SQLite the one
 * connection is the transaction's until it ends.
 */
export async function withLock<T>(
  key: string,
  fn: (lease: LockLease) => Promise<T>,
  options: LockOptions = {}
): Promise<T> {
  if (!key || key.length > KEY_MAX) {
    throw new Error(`A lock key is 1 to ${KEY_MAX} characters; got ${key.length}`)
  }
  refuseInsideGlobalTransaction('withLock')
  const locks = await lockManager()
  const lock = locks.createLock(key, options.ttl ?? DEFAULT_TTL)
  const acquired =
    options.wait === undefined
      ? await lock.acquireImmediately()
      : await lock.acquire({ retry: { timeout: options.wait, delay: RETRY_DELAY_MS } })
  if (!acquired) {
    throw new TableroError(
      'LOCKED',
      `"${key}" is being done by another process: try again when it finishes`,
      409,
      undefined,
      { key }
    )
  }
  try {
    return await fn({ extend: (ttl) => lock.extend(ttl ?? options.ttl ?? DEFAULT_TTL) })
  } finally {
    await lock.release().catch((error: Error) => {
      // The TTL ran out while `fn` ran and someone else may hold it now.
      logger.warn({ key, reason: error.message }, 'lock expired before its work ended')
    })
  }
}

/**
 * Takes the lock `key` for `ttl` and keeps it: it lapses by itself, so
 * whoever asks within `ttl`, on any node, is refused (false). A round of a
 * schedule claimed this way runs once across the nodes.
 */
export async function claimFor(key: string, ttl: Duration): Promise<boolean> {
  refuseInsideGlobalTransaction('claimFor')
  const locks = await lockManager()
  return locks.createLock(key, ttl).acquireImmediately()
}

/**
 * The lock service, made once. The database store reads the connection's
 * knex client, which exists only once the connection is open.
 */
let manager: ReturnType<typeof makeManager> | null = null
function lockManager() {
  manager ??= makeManager().catch((error) => {
    manager = null
    throw error
  })
  return manager
}
async function makeManager() {
  db.connection()
  return app.container.make('lock.manager')
}

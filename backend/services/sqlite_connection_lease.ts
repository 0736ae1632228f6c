import type { Knex } from 'knex'

/** What knex's pool answered a caller that waited too long (the same message). */
const TIMEOUT_MESSAGE =
  'Knex: Timeout acquiring a connection. The pool is probably full. ' +
  'Are you missing a .transacting(trx) call?'

/**
 * SQLite runs on one connection (knex's pool for better-sqlite3 holds at
 * most one), yet every query went through the pool to get it: two pending
 * operations with a timer each and a validation per acquire, about 30 µs of
 * CPU per query where the driver runs the caller-ID lookup's query in about
 * 80 µs. This takes the connection from the pool once and hands it to one
 * caller at a time, in order of arrival, as the pool did: a transaction
 * holds it until it ends and every other query waits; a caller waiting
 * longer than the pool's acquire timeout fails with the pool's message.
 * Closing the client gives it back to the pool.
 *
 * Only better-sqlite3 with knex's pool of one connection, and only while
 * nobody holds it (a caller that got it from the pool must give it back to
 * the pool): otherwise the client is left as it is.
 */
export function leaseSqliteConnection(client: Knex.Client) {
  const pool = client.pool
  const config: Knex.Config = client.config
  if (client.driverName !== 'better-sqlite3' || (config.pool?.max ?? 1) !== 1) return false
  if (!pool || !('numUsed' in pool) || pool.numUsed() > 0 || pool.numPendingAcquires() > 0) {
    return false
  }
  const acquire = client.acquireConnection.bind(client)
  const release = client.releaseConnection.bind(client)
  const destroy = client.destroy.bind(client)
  // knex's own choice: the client's setting, else the pool's, else 60 s
  const timeoutMs = config.acquireConnectionTimeout ?? config.pool?.acquireTimeoutMillis ?? 60_000
  const waiting: Array<{ resolve: () => void; timer: NodeJS.Timeout }> = []
  let leased: Promise<unknown> | null = null
  let held = false

  const handOn = () => {
    const next = waiting.shift()
    if (!next) {
      held = false
      return
    }
    clearTimeout(next.timer)
    next.resolve()
  }

  const waitTurn = () =>
    new Promise<void>((resolve, reject) => {
      const entry = {
        resolve,
        timer: setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1)
          reject(Object.assign(new Error(TIMEOUT_MESSAGE), { name: 'KnexTimeoutError' }))
        }, timeoutMs),
      }
      waiting.push(entry)
    })

  client.acquireConnection = async () => {
    if (held) await waitTurn()
    held = true
    leased ??= acquire()
    try {
      return await leased
    } catch (error) {
      leased = null
      handOn()
      throw error
    }
  }
  client.releaseConnection = async () => handOn()
  client.destroy = async (callback?: (error?: Error) => void) => {
    const connection = await leased?.catch(() => null)
    leased = null
    if (connection) await release(connection)
    return destroy(callback)
  }
  return true
}

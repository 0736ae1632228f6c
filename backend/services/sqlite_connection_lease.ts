import type { Knex } from 'knex'

/**
 * What a timed-out wait reports: who holds the connection (where it was
 * acquired: the app's frames of the call, no values) and for how long.
 */
export interface LeaseTimeout {
  waitedMs: number
  heldForMs: number
  holderStack: string
}

/** What a timeout reports of a holder that is a single query, not a transaction. */
const LONE_QUERY = { stack: 'a single query, outside any transaction' }

/** Frames kept of a holder's acquisition: enough to pass knex's and Lucid's own. */
const HOLDER_FRAMES = 40

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
 *
 * A wait that times out calls `onTimeout` with where the holder began (a
 * transaction's stack, formatted only then): a transaction that waits for
 * a query outside it names itself.
 */
export function leaseSqliteConnection(
  client: Knex.Client,
  onTimeout: (timeout: LeaseTimeout) => void = () => {}
) {
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
  let holder: { trace: { stack?: string }; since: number } = { trace: LONE_QUERY, since: 0 }

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
          onTimeout({
            waitedMs: timeoutMs,
            heldForMs: Date.now() - holder.since,
            holderStack: appFrames(holder.trace.stack ?? ''),
          })
          reject(Object.assign(new Error(TIMEOUT_MESSAGE), { name: 'KnexTimeoutError' }))
        }, timeoutMs),
      }
      waiting.push(entry)
    })

  // The holders that keep the connection are transactions. One acquires in a
  // promise callback, where the stack no longer shows who began it: its
  // beginning's stack is taken when it is made (about 30 µs: transactions
  // only, never each query) and handed to the acquisition it starts, which
  // runs synchronously from its acquireConnection.
  let beginning: { stack?: string } | null = null
  const transaction = client.transaction.bind(client)
  client.transaction = function beginLeased(...args: Parameters<Knex.Client['transaction']>) {
    const trace = captureStack(beginLeased)
    const made = transaction(...args) as unknown as {
      acquireConnection: (...rest: unknown[]) => Promise<unknown>
    }
    const acquireFor = made.acquireConnection.bind(made)
    made.acquireConnection = (...rest: unknown[]) => {
      beginning = trace
      try {
        return acquireFor(...rest)
      } finally {
        beginning = null
      }
    }
    return made as unknown as Knex.Transaction
  }

  client.acquireConnection = async () => {
    // A transaction's beginning; a lone query holds the connection only while it runs.
    const trace = beginning ?? LONE_QUERY
    beginning = null
    if (held) await waitTurn()
    held = true
    holder = { trace, since: Date.now() }
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
    client.transaction = transaction
    return destroy(callback)
  }
  return true
}

function captureStack(below: Function) {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = HOLDER_FRAMES
  const trace: { stack?: string } = {}
  Error.captureStackTrace(trace, below)
  Error.stackTraceLimit = limit
  return trace
}

/** The frames of a stack in the app's own files (all of them when none is). */
function appFrames(stack: string) {
  if (stack === LONE_QUERY.stack) return stack
  const frames = stack.split('\n').filter((line) => line.trim().startsWith('at '))
  const own = frames.filter(
    (line) => !/node_modules|node:internal|\(node:|\(<anonymous>\)$/.test(line)
  )
  return (own.length > 0 ? own : frames).map((line) => line.trim()).join('\n')
}

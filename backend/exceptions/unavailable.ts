import type { ApiError } from './api_error.ts'

/**
 * Driver codes of a database that cannot be reached or dropped the
 * connection (stopped, restarting, unreachable): the request did nothing
 * wrong, and the same request a few seconds later may work.
 */
const DATABASE_GONE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CON_COUNT_ERROR',
])

/** ioredis gave up on a command: Redis is stopped or unreachable. */
const REDIS_GONE = new Set(['MaxRetriesPerRequestError'])
const REDIS_CLOSED = 'Connection is closed.'

export const DATABASE_UNAVAILABLE: ApiError = {
  status: 503,
  code: 'DATABASE_UNAVAILABLE',
  message: 'The database cannot be reached: try again in a few seconds',
}

export const SERVICE_UNAVAILABLE: ApiError = {
  status: 503,
  code: 'SERVICE_UNAVAILABLE',
  message: 'A shared service (Redis) cannot be reached: try again in a few seconds',
}

/**
 * A 503 for an error that says a backing service is down, for load
 * balancers and clients to retry; null for any other error. Knex's pool
 * timing out waiting for a connection counts as the database being down
 * (config/database.ts keeps that wait short). mysql2 marks every error
 * that ends a connection `fatal`.
 */
export function unavailableError(error: unknown): ApiError | null {
  const err = error as { code?: unknown; name?: unknown; fatal?: unknown; message?: unknown }
  if (!err || typeof err !== 'object') return null
  if (err.name === 'KnexTimeoutError') return { ...DATABASE_UNAVAILABLE }
  if (typeof err.code === 'string' && DATABASE_GONE.has(err.code))
    return { ...DATABASE_UNAVAILABLE }
  if (err.fatal === true) return { ...DATABASE_UNAVAILABLE }
  if (typeof err.name === 'string' && REDIS_GONE.has(err.name)) return { ...SERVICE_UNAVAILABLE }
  if (err.message === REDIS_CLOSED) return { ...SERVICE_UNAVAILABLE }
  return null
}

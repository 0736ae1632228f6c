import db from '@adonisjs/lucid/services/db'
import env from '#start/env'

/**
 * Locks and the job queue keep their rows in the database through the
 * knex client, not through Lucid, so a test's global transaction does not
 * cover them. On SQLite the app has one connection, which that transaction
 * holds until the test ends: their statements would wait for it until the
 * pool's timeout. Say so at once instead. (With Redis, or on MySQL with
 * its pool, they do not wait.)
 */
export function refuseInsideGlobalTransaction(what: string) {
  if (env.get('REDIS_HOST')) return
  const connection = db.connection()
  if (!connection.dialect.name.includes('sqlite')) return
  if (!db.connectionGlobalTransactions.has(connection.connectionName)) return
  throw new Error(
    `${what} writes its own rows, which on SQLite wait for the test's global transaction: ` +
      'clean up with truncateAfterEach() in this test instead'
  )
}

import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * `testUtils.db().truncate()` without MySQL's advisory lock: migrates if
 * needed before the test and empties every table after it, for tests whose
 * DDL MySQL cannot roll back. Lucid takes the migration lock with GET_LOCK
 * and frees it with RELEASE_LOCK through whichever pooled connection is
 * free, so once the pool holds two connections the release can land on
 * the other one, fail, and fail the test (and the lock's name is shared by
 * every database on the server). Each test database has one test process.
 */
export async function truncateAfterEach() {
  await runAce('migration:run', ['--compact-output', '--no-schema-generate', '--disable-locks'])
  return async () => {
    await runAce('db:truncate')
    // The grants were read from rows that are gone: re-seed on next use.
    const grants = await app.container.make('tablero.grants')
    grants.forget()
  }
}

/**
 * `testUtils.db().migrate()` without the advisory lock (see above): the
 * suites' migration before the run and their reset after it. With the lock,
 * the reset at the end of a MariaDB run failed now and then with
 * E_UNABLE_RELEASE_LOCK, after every test had passed.
 */
export async function migrateForTheRun() {
  const flags = ['--compact-output', '--no-schema-generate', '--disable-locks']
  await runAce('migration:run', flags)
  return () => runAce('migration:reset', flags)
}

async function runAce(name: string, args: string[] = []) {
  const ace = await app.container.make('ace')
  const command = await ace.exec(name, args)
  if (command.exitCode) throw command.error ?? new Error(`"${name}" failed`)
}

/**
 * The SQL of every query the test's connection (its global transaction)
 * runs from now until the test's cleanup: Lucid's debug on, its query
 * events collected.
 */
export function watchQueries(cleanup: (fn: () => void) => void) {
  const trx = db.connection() as unknown as TransactionClientContract
  const queries: string[] = []
  const listener = (query: { sql: string }) => void queries.push(query.sql)
  trx.debug = true
  emitter.on('db:query', listener)
  cleanup(() => {
    trx.debug = false
    emitter.off('db:query', listener)
  })
  return queries
}

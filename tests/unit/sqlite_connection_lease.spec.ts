import { test } from '@japa/runner'
import knex, { type Knex } from 'knex'
import { leaseSqliteConnection, type LeaseTimeout } from '#services/sqlite_connection_lease'

function memoryDatabase(acquireConnectionTimeout = 200) {
  return knex({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
    acquireConnectionTimeout,
  })
}

/** Settles on the next turn of the event loop: has `promise` settled by then? */
async function settled(promise: Promise<unknown>) {
  let done = false
  promise.then(
    () => (done = true),
    () => (done = true)
  )
  await new Promise((resolve) => setImmediate(resolve))
  return done
}

/** A transaction that holds the connection, as one waiting on a query outside it would. */
async function transactionThatForgetsToEnd(database: Knex) {
  const trx = await database.transaction()
  await trx('notes').insert({})
  return trx
}

test.group('SQLite connection lease', () => {
  test('hands the one connection to one caller at a time, in order of arrival', async ({
    assert,
  }) => {
    const database = memoryDatabase()
    const client: Knex.Client = database.client
    assert.isTrue(leaseSqliteConnection(client))
    const first = await client.acquireConnection()
    const second = client.acquireConnection()
    const third = client.acquireConnection()
    assert.isFalse(await settled(second))
    await client.releaseConnection(first)
    assert.strictEqual(await second, first)
    assert.isFalse(await settled(third))
    await client.releaseConnection(first)
    assert.strictEqual(await third, first)
    await client.releaseConnection(first)
    await database.destroy()
  })

  test('a query outside a transaction waits for it to end and never sees its rows', async ({
    assert,
  }) => {
    const database = memoryDatabase()
    assert.isTrue(leaseSqliteConnection(database.client))
    await database.schema.createTable('notes', (table) => table.increments('id'))
    const trx = await database.transaction()
    await trx('notes').insert({})
    const outside = database('notes').count('* as total')
    assert.isFalse(await settled(outside))
    await trx.rollback()
    assert.deepEqual(await outside, [{ total: 0 }])
    await database.destroy()
  })

  test("a caller waiting past the acquire timeout fails as the pool's did", async ({ assert }) => {
    const database = memoryDatabase(50)
    const client: Knex.Client = database.client
    assert.isTrue(leaseSqliteConnection(client))
    const held = await client.acquireConnection()
    await assert.rejects(() => client.acquireConnection(), /Timeout acquiring a connection/)
    await client.releaseConnection(held)
    assert.strictEqual(await client.acquireConnection(), held)
    await client.releaseConnection(held)
    await database.destroy()
  })

  test('a timed-out wait reports where the holder acquired the connection, and for how long', async ({
    assert,
  }) => {
    const database = memoryDatabase(50)
    const reports: LeaseTimeout[] = []
    assert.isTrue(leaseSqliteConnection(database.client, (report) => reports.push(report)))
    await database.schema.createTable('notes', (table) => table.increments('id'))
    const trx = await transactionThatForgetsToEnd(database)
    await assert.rejects(() => database('notes').count('* as total'), /Timeout acquiring/)
    assert.lengthOf(reports, 1)
    assert.equal(reports[0].waitedMs, 50)
    assert.isAtLeast(reports[0].heldForMs, 50)
    assert.include(reports[0].holderStack, 'transactionThatForgetsToEnd')
    assert.include(reports[0].holderStack, 'sqlite_connection_lease.spec.ts')
    assert.notInclude(reports[0].holderStack, 'node_modules')
    await trx.rollback()
    await database.destroy()
  })

  test('closing gives the connection back to the pool', async ({ assert }) => {
    const database = memoryDatabase()
    const pool = database.client.pool
    assert.isTrue(leaseSqliteConnection(database.client))
    await database.raw('select 1')
    assert.equal(pool.numUsed(), 1)
    await database.destroy()
    assert.equal(pool.numUsed(), 0)
  })

  test('leaves a client alone while a caller holds a connection of its pool', async ({
    assert,
  }) => {
    const database = memoryDatabase()
    const client: Knex.Client = database.client
    const held = await client.acquireConnection()
    assert.isFalse(leaseSqliteConnection(client))
    await client.releaseConnection(held)
    await database.destroy()
  })
})

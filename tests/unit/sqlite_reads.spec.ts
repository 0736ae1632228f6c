import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { selectRows } from '#services/sqlite_reads'
import { makeUser } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'

const sqlite = () => db.connection().dialect.name === 'better-sqlite3'

/** How many queries knex's runner ran while `work` did (the usual way of running a query). */
async function viaRunner<T>(work: () => Promise<T>) {
  const client = db.connection().getReadClient().client as unknown as {
    runner: (...args: unknown[]) => unknown
  }
  const runner = client.runner
  let runs = 0
  client.runner = function (this: unknown, ...args: unknown[]) {
    runs += 1
    return runner.apply(this, args)
  }
  try {
    const result = await work()
    return { result, runs }
  } finally {
    client.runner = runner
  }
}

/** A list page as ResourceQueries builds one: a quoted select list, a condition, order, page. */
function listPage() {
  return db
    .from('users')
    .select(db.raw('`id`, `email`, `role`, `active`, `created_at`'))
    .whereRaw('(id in (select id from users where role <> ?))', ['nobody'])
    .where('active', true)
    .orderBy('id', 'desc')
    .offset(0)
    .limit(3)
}

function cappedCount() {
  const capped = db.from('users').where('active', true).select('id').limit(1001)
  return db.connection().from(capped.as('capped')).count('* as total')
}

test.group('selectRows', (group) => {
  group.each.setup(async () => {
    const cleanup = await truncateAfterEach()
    for (const role of ['admin', 'supervisor', 'agent', 'agent'] as const) await makeUser(role)
    return cleanup
  })

  test("answers what the query answers; on SQLite without knex's runner", async ({ assert }) => {
    for (const build of [listPage, cappedCount]) {
      const expected = await build()
      const { result, runs } = await viaRunner(() => selectRows(build()))
      assert.isAbove(expected.length, 0)
      assert.deepEqual(result, expected)
      assert.equal(runs, sqlite() ? 0 : 1)
    }
  })

  test('a read inside a transaction runs on it and sees its writes', async ({ assert }) => {
    // (on SQLite a read beside the transaction would wait for it to end: this would time out)
    const result = await db.transaction(async (trx) => {
      await trx.from('users').where('role', 'admin').update({ locale: 'en' })
      const rows = await selectRows(trx.from('users').where('role', 'admin').select('locale'))
      await trx.rollback()
      return rows
    })
    assert.deepEqual(result, [{ locale: 'en' }])
  })

  test("a listener to knex's query events still sees every read", async ({ assert }) => {
    const knex = db.connection().getReadClient()
    const seen: string[] = []
    const listener = (query: { sql: string }) => seen.push(query.sql)
    knex.on('query', listener)
    try {
      const rows = await selectRows(listPage())
      assert.lengthOf(rows, 3)
      assert.lengthOf(seen, 1)
    } finally {
      knex.off('query', listener)
    }
  })

  test('a failing read fails with the error knex gives', async ({ assert }) => {
    const broken = () =>
      db.from('users').select('no_such_column') as unknown as DatabaseQueryBuilderContract
    const expected = await Promise.resolve(broken()).then(
      () => null,
      (error: Error) => error.message
    )
    assert.isString(expected)
    await assert.rejects(() => selectRows(broken()), expected!)
  })
})

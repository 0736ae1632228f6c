import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { withLock } from '#sdk'
import { TableroError } from '#exceptions/tablero_error'
import { signIn } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'

/** A promise the test resolves when it chooses: the holder's work "ends" then. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

/** Takes the lock and keeps it until `release()`; resolves once it is held. */
async function hold(key: string) {
  const held = gate()
  const holding = gate()
  const done = withLock(key, async () => {
    held.open()
    await holding.opened
  })
  await Promise.race([held.opened, done])
  return { release: () => (holding.open(), done) }
}

const turns = (count: number) => new Promise((resolve) => setTimeout(resolve, count * 20))

test.group('SDK: locks', (group) => {
  // The lock is a committed row in `locks` (no Redis in the tests): truncate.
  group.each.setup(() => truncateAfterEach())

  test('a held lock refuses a second caller with 409 LOCKED', async ({ assert }) => {
    const holder = await hold('test:held')
    const refused = await withLock('test:held', async () => 'ran').catch((error) => error)
    assert.instanceOf(refused, TableroError)
    assert.equal(refused.code, 'LOCKED')
    assert.equal(refused.status, 409)
    await holder.release()
  })

  test('an endpoint behind a held lock answers 409 with the error body', async ({ client }) => {
    const admin = await signIn(client, 'admin')
    const holder = await hold('hello:report')
    const refused = await admin.post('/api/p/hello/report').header('accept-language', 'en')
    refused.assertStatus(409)
    refused.assertBodyContains({ error: { code: 'LOCKED' } })
    await holder.release()
    ;(await admin.post('/api/p/hello/report')).assertStatus(200)
  })

  test('a caller that waits gets the lock once the holder ends', async ({ assert }) => {
    const order: string[] = []
    const holder = await hold('test:wait')
    const waiter = withLock('test:wait', async () => order.push('waiter ran') && 'waited', {
      wait: 10_000,
    })
    await turns(3)
    assert.deepEqual(order, [], 'the waiter must not run while the lock is held')
    order.push('holder done')
    await holder.release()
    assert.equal(await waiter, 'waited')
    assert.deepEqual(order, ['holder done', 'waiter ran'])
  })

  test('two concurrent callers run one after the other', async ({ assert }) => {
    const steps: string[] = []
    const work = (name: string) => async () => {
      steps.push(`${name} in`)
      await turns(2)
      steps.push(`${name} out`)
    }
    await Promise.all([
      withLock('test:serial', work('a'), { wait: 10_000 }),
      withLock('test:serial', work('b'), { wait: 10_000 }),
    ])
    assert.lengthOf(steps, 4)
    assert.equal(steps[0].split(' ')[0], steps[1].split(' ')[0], 'no interleaving')
    assert.deepEqual(
      steps.map((step) => step.split(' ')[1]),
      ['in', 'out', 'in', 'out']
    )
  })

  test('the lock is released when the work throws', async ({ assert }) => {
    const failed = await withLock('test:throw', async () => {
      throw new Error('boom')
    }).catch((error) => error)
    assert.equal(failed.message, 'boom')
    assert.equal(await withLock('test:throw', async () => 'again'), 'again')
    assert.lengthOf(await db.from('locks').where('key', 'test:throw'), 0)
  })

  test('a lock whose holder died is taken again once its ttl ran out', async ({ assert }) => {
    // A holder that never released: its row stays, expired.
    await db.table('locks').insert({ key: 'test:dead', owner: 'gone', expiration: 1 })
    assert.equal(await withLock('test:dead', async () => 'taken'), 'taken')
  })
})

test.group('SDK: locks in a test that rolls back', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('on SQLite, withLock says at once to truncate instead of waiting for the pool', async ({
    assert,
  }) => {
    const attempt = withLock('test:global', async () => 'ran')
    if (!db.connection().dialect.name.includes('sqlite')) {
      // MySQL's pool gives the lock its own connection.
      assert.equal(await attempt, 'ran')
      return
    }
    await assert.rejects(() => attempt, /clean up with truncateAfterEach\(\) in this test instead/)
  })
})

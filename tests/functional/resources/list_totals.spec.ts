import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import plugins from '#services/plugins'
import { signIn } from '#tests/helpers/auth'
import { seedGreetings } from '#tests/helpers/greetings'
import { watchQueries } from '#tests/helpers/database'
import { SEARCH_COUNT_CAP } from '#resources/resource_queries'

/** How many counts the test's connection ran from now on. */
function watchCounts(cleanup: (fn: () => void) => void) {
  const queries = watchQueries(cleanup)
  return { counts: () => queries.filter((sql) => /count\(\*\)/i.test(sql)).length }
}

test.group('Resource engine: list totals', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('a page shorter than its limit tells the total, and the count does not run', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await signIn(client, 'admin')
    await seedGreetings(Array.from({ length: 7 }, (_, i) => ({ message: `m${i}`, priority: 1 })))
    const watched = watchCounts(cleanup)
    const list = (page: number) =>
      admin.get('/api/r/greetings').qs({ sort: 'id', perPage: 5, page })

    const last = await list(2)
    assert.deepEqual(last.body().meta, { total: 7, totalCapped: false, page: 2, perPage: 5 })
    assert.lengthOf(last.body().data, 2)
    assert.equal(watched.counts(), 0, 'the last page counted')

    const first = await list(1)
    assert.deepEqual(first.body().meta, { total: 7, totalCapped: false, page: 1, perPage: 5 })
    assert.equal(watched.counts(), 1, 'a full page must count')

    // past the end the page is empty and says nothing: the count does
    const beyond = await list(3)
    assert.deepEqual(beyond.body().meta, { total: 7, totalCapped: false, page: 3, perPage: 5 })
    assert.equal(watched.counts(), 2)

    const none = await admin.get('/api/r/greetings').qs({ q: 'nadie', perPage: 5 })
    assert.deepEqual(none.body().meta, { total: 0, totalCapped: false, page: 1, perPage: 5 })
    assert.equal(watched.counts(), 2)
  })

  test('a search counts up to its own cap; a list without a search counts further', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const rows = SEARCH_COUNT_CAP + 5
    await seedGreetings(
      Array.from({ length: rows }, (_, i) => ({ message: `Hola ${i}`, priority: 1 }))
    )

    const searched = await admin.get('/api/r/greetings').qs({ q: 'Hola', perPage: 25 })
    searched.assertStatus(200)
    assert.deepEqual(searched.body().meta, {
      total: SEARCH_COUNT_CAP,
      totalCapped: true,
      page: 1,
      perPage: 25,
    })

    const listed = await admin.get('/api/r/greetings').qs({ perPage: 25 })
    assert.deepEqual(listed.body().meta, { total: rows, totalCapped: false, page: 1, perPage: 25 })
  })
})

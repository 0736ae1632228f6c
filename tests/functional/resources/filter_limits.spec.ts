import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import plugins from '#services/plugins'
import { FILTER_LIMITS } from '#resources/filter_tree'
import { MAX_JSON_NESTING } from '#services/json_nesting'
import { signIn } from '#tests/helpers/auth'
import { seedGreetings } from '#tests/helpers/greetings'

type Admin = Awaited<ReturnType<typeof signIn>>

const leaf = (value = 1) => ({ field: 'priority', op: 'eq', value })

/** As JSON text: JSON.stringify itself overflows the stack on 5,000 levels. */
const nested = (depth: number) =>
  `${'{"and":['.repeat(depth)}${JSON.stringify(leaf())}${']}'.repeat(depth)}`

const wide = (count: number) => ({ or: Array.from({ length: count }, (_, i) => leaf(i + 1)) })

/** The same filter (JSON text) by the query string and by the body of POST …/query. */
const both = (admin: Admin, tree: string, postTree = tree) => [
  admin.get('/api/r/greetings').header('accept-language', 'es').qs({ filter: tree }),
  admin
    .post('/api/r/greetings/query')
    .header('accept-language', 'es')
    .unsafeJson(`{"filter":${postTree}}`),
]

test.group('Resource engine: filter limits', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('a filter nested 5,000 deep answers 422 naming the limit, as one nested 500 deep does by GET', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const [byQuery, byBody] = await Promise.all(both(admin, nested(500), nested(5000)))
    for (const response of [byQuery, byBody]) {
      assert.equal(response.status(), 422, response.text().slice(0, 300))
      const error = response.body().error
      assert.equal(error.fields[0].field, 'filter')
      assert.equal(error.fields[0].rule, 'nesting')
      assert.include(error.message, String(MAX_JSON_NESTING))
    }
    assert.deepEqual(byQuery.body(), byBody.body())
  })

  test('groups nested one level past the limit answer 422 naming the depth, by GET and by POST', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const responses = await Promise.all(both(admin, nested(FILTER_LIMITS.depth + 1)))
    for (const response of responses) {
      assert.equal(response.status(), 422, response.text().slice(0, 300))
      assert.equal(response.body().error.fields[0].field, 'filter')
      assert.equal(response.body().error.fields[0].rule, 'filterDepth')
      assert.include(response.body().error.message, String(FILTER_LIMITS.depth))
    }
  })

  test('a filter of 20,000 conditions answers 422 naming the limit, by GET and by POST', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const body = await admin.post('/api/r/greetings/query').json({ filter: wide(20_000) })
    // A query string cannot carry 20,000 conditions: one past the limit must do.
    const query = await admin
      .get('/api/r/greetings')
      .qs({ filter: JSON.stringify(wide(FILTER_LIMITS.leaves + 1)) })
    for (const response of [body, query]) {
      assert.equal(response.status(), 422, response.text().slice(0, 300))
      assert.equal(response.body().error.fields[0].rule, 'filterSize')
      assert.include(response.body().error.message, String(FILTER_LIMITS.leaves))
    }
    assert.deepEqual(body.body(), query.body())
  })

  test('conditions spread over nested groups count toward the same limit', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const half = Math.ceil((FILTER_LIMITS.leaves + 1) / 2)
    const tree = { and: [wide(half), { or: [wide(half)] }] }
    const response = await admin.post('/api/r/greetings/query').json({ filter: tree })
    response.assertStatus(422)
    assert.equal(response.body().error.fields[0].rule, 'filterSize')
  })

  test('a filter at the limits runs, by GET and by POST', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    await seedGreetings([
      { message: 'one', priority: 1 },
      { message: 'three', priority: 3 },
    ])
    const deep = await Promise.all(both(admin, nested(FILTER_LIMITS.depth)))
    for (const response of deep) {
      assert.equal(response.status(), 200, response.text().slice(0, 300))
      assert.equal(response.body().meta.total, 1)
    }
    const full = await admin
      .post('/api/r/greetings/query')
      .json({ filter: wide(FILTER_LIMITS.leaves) })
    assert.equal(full.status(), 200, full.text().slice(0, 300))
    assert.equal(full.body().meta.total, 2)
  })
})

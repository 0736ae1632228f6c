import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import limiter from '@adonisjs/limiter/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeUser, signIn } from '#tests/helpers/auth'
import { AuthRowCache, AUTH_CACHE_TTL_MS } from '#services/auth_cache'

async function bearerFor(client: ApiClient, email: string) {
  const response = await client
    .post('/api/auth/tokens')
    .json({ email, password: 'Secret123!', name: 'cache test' })
  response.assertStatus(201)
  const authorization = `Bearer ${response.body().data.token as string}`
  return {
    me: () => client.get('/api/auth/me').header('authorization', authorization),
    signOut: () => client.delete('/api/auth/tokens/current').header('authorization', authorization),
  }
}

/**
 * The auth cache (token and user rows kept two seconds) must never let a
 * request through that the database would refuse: each test first makes
 * the row cached by using it, then changes it, then asks again at once.
 */
test.group('Auth cache: changes apply to the very next request', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('a role change and a deactivation reach a bearer token just used', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const supervisor = await makeUser('supervisor')
    const { me } = await bearerFor(client, supervisor.email)

    assert.equal((await me()).body().data.user.role, 'supervisor')
    ;(await admin.patch(`/api/r/users/${supervisor.id}`).json({ role: 'agent' })).assertStatus(200)
    const demoted = await me()
    demoted.assertStatus(200)
    assert.equal(demoted.body().data.user.role, 'agent')

    ;(await admin.patch(`/api/r/users/${supervisor.id}`).json({ active: false })).assertStatus(200)
    ;(await me()).assertStatus(401)
  })

  test('a token signed out is refused at once', async ({ client }) => {
    const agent = await makeUser('agent')
    const { me, signOut } = await bearerFor(client, agent.email)
    ;(await me()).assertStatus(200)
    ;(await signOut()).assertStatus(204)
    ;(await me()).assertStatus(401)
  })

  test('"log out everywhere" ends a session that was just used', async ({ client }) => {
    const admin = await signIn(client, 'admin')
    const agent = await signIn(client, 'agent')
    ;(await agent.get('/api/auth/me')).assertStatus(200)
    ;(await admin.post(`/api/users/${agent.user.id}/logout-everywhere`)).assertStatus(204)
    ;(await agent.get('/api/auth/me')).assertStatus(401)
  })
})

test.group('Auth cache: what it keeps', () => {
  test('reads a row once within the time to live, again after it', async ({ assert }) => {
    const cache = new AuthRowCache()
    let reads = 0
    const load = async () => ({ id: 1, reads: ++reads })
    assert.deepEqual(await cache.user(1, load), { id: 1, reads: 1 })
    assert.deepEqual(await cache.user(1, load), { id: 1, reads: 1 })
    cache.forgetQuietly()
    assert.deepEqual(await cache.user(1, load), { id: 1, reads: 2 })
    const realNow = Date.now
    Date.now = () => realNow() + AUTH_CACHE_TTL_MS + 1
    try {
      assert.deepEqual(await cache.user(1, load), { id: 1, reads: 3 })
    } finally {
      Date.now = realNow
    }
  })

  test('a read that raced with a change is not kept; a missing row is not kept', async ({
    assert,
  }) => {
    const cache = new AuthRowCache()
    let reads = 0
    const racing = cache.user(1, async () => {
      reads += 1
      cache.forget()
      return { id: 1, role: 'supervisor' }
    })
    assert.deepEqual(await racing, { id: 1, role: 'supervisor' })
    await cache.user(1, async () => ({ id: 1, role: 'agent', read: ++reads }))
    assert.equal(reads, 2)

    assert.isNull(await cache.token(9, async () => null))
    let tokenReads = 0
    await cache.token(9, async () => (++tokenReads, null))
    assert.equal(tokenReads, 1)
  })

  test('hands out copies: a caller changing a row does not change the cache', async ({
    assert,
  }) => {
    const cache = new AuthRowCache()
    const row = (await cache.user(1, async () => ({ id: 1, role: 'agent' })))!
    row.role = 'admin'
    assert.equal((await cache.user(1, async () => null))!.role, 'agent')
  })
})

import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import limiter from '@adonisjs/limiter/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeUser, signIn } from '#tests/helpers/auth'
import { AuthRowCache, AUTH_CACHE_TTL_MS } from '#services/auth_cache'
import { CachedTokensUserProvider } from '#services/cached_user_providers'
import User from '#models/user'

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

  test('hands out the same frozen row while fresh: a caller cannot change the cache', async ({
    assert,
  }) => {
    const cache = new AuthRowCache()
    const row = (await cache.user(1, async () => ({ id: 1, role: 'agent' })))!
    assert.isTrue(Object.isFrozen(row))
    assert.throws(() => ((row as Record<string, unknown>).role = 'admin'))
    assert.strictEqual(await cache.user(1, async () => null), row)
    assert.equal(row.role, 'agent')
  })

  test('a checked token value is kept against its row only, and forgotten with the rows', async ({
    assert,
  }) => {
    const cache = new AuthRowCache()
    const row = (await cache.token(7, async () => ({ id: 7, hash: 'h' })))!
    cache.rememberVerified('tab_secret', 7, row)
    assert.deepEqual(cache.verifiedToken('tab_secret'), { id: '7', row })
    assert.isUndefined(cache.verifiedToken('tab_other'))

    cache.touchToken(7, { last_used_at: new Date() })
    const touched = await cache.token(7, async () => null)
    assert.notStrictEqual(touched, row, 'a changed row is a new object: checked again')

    cache.forgetQuietly()
    assert.isUndefined(cache.verifiedToken('tab_secret'))
  })
})

test.group('Auth cache: what a request gets', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('a token with a known id but another secret is refused after the real one was used', async ({
    client,
  }) => {
    const agent = await makeUser('agent')
    const response = await client
      .post('/api/auth/tokens')
      .json({ email: agent.email, password: 'Secret123!', name: 'forge test' })
    const token = response.body().data.token as string
    const me = (value: string) =>
      client.get('/api/auth/me').header('authorization', `Bearer ${value}`)
    ;(await me(token)).assertStatus(200)
    ;(await me(token)).assertStatus(200)
    // tab_<id in base64url>.<secret in base64url>: same id, another secret
    const [id] = token.slice('tab_'.length).split('.')
    const forged = `tab_${id}.${Buffer.from('not the secret of this token').toString('base64url')}`
    ;(await me(forged)).assertStatus(401)
    ;(await me(token)).assertStatus(200)
  })

  test('each request gets its own user, equal to a fresh read, and saves on its own', async ({
    assert,
  }) => {
    const user = await makeUser('supervisor')
    const provider = new CachedTokensUserProvider({
      tokens: 'accessTokens',
      model: () => import('#models/user'),
    })
    const first = (await provider.findById(user.id))!.getOriginal() as User
    const second = (await provider.findById(user.id))!.getOriginal() as User
    const fresh = (await User.find(user.id))!

    assert.notStrictEqual(first, second)
    assert.deepEqual(first.toPublic(), fresh.toPublic())
    assert.isTrue(first.$isPersisted)
    assert.isFalse(first.$isDirty)
    assert.equal(first.createdAt.toMillis(), fresh.createdAt.toMillis())

    first.fullName = 'Cambiado en una petición'
    assert.isTrue(first.$isDirty)
    assert.deepEqual(Object.keys(first.$dirty), ['fullName'])
    assert.notEqual(second.fullName, first.fullName)
    assert.notEqual((await provider.findById(user.id))!.getOriginal().fullName, first.fullName)

    await first.save()
    assert.equal((await User.findOrFail(user.id)).fullName, 'Cambiado en una petición')
  })
})

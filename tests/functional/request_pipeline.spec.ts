import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import emitter from '@adonisjs/core/services/emitter'
import limiter from '@adonisjs/limiter/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeUser } from '#tests/helpers/auth'
import type { Role } from '#models/user'

async function bearerAs(client: ApiClient, role: Role) {
  const user = await makeUser(role)
  const response = await client
    .post('/api/auth/tokens')
    .json({ email: user.email, password: 'Secret123!', name: 'pipeline test' })
  response.assertStatus(201)
  const authorization = `Bearer ${response.body().data.token as string}`
  return { user, get: (url: string) => client.get(url).header('authorization', authorization) }
}

/**
 * What every signed-in request goes through (middleware built once and
 * shared, the guards' events) must stay per request.
 */
test.group('Request pipeline', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('requests of different users in flight together each get their own user', async ({
    client,
    assert,
  }) => {
    const callers = await Promise.all([
      bearerAs(client, 'admin'),
      bearerAs(client, 'agent'),
      bearerAs(client, 'supervisor'),
    ])
    const rounds = Array.from({ length: 5 }, () => callers)
    const answers = await Promise.all(
      rounds.flat().map(async ({ user, get }) => ({ user, response: await get('/api/auth/me') }))
    )
    for (const { user, response } of answers) {
      response.assertStatus(200)
      assert.equal(response.body().data.user.id, user.id)
      assert.equal(response.body().data.user.role, user.role)
    }
  })

  test('a listener added at run time hears the token guard check every request', async ({
    client,
    assert,
  }) => {
    const { user, get } = await bearerAs(client, 'agent')
    const heard: number[] = []
    const listener = (event: { user: { id: number } }) => {
      heard.push(event.user.id)
    }
    ;(await get('/api/auth/me')).assertStatus(200)
    emitter.on('access_tokens_auth:authentication_succeeded', listener)
    try {
      ;(await get('/api/auth/me')).assertStatus(200)
      ;(await get('/api/auth/me')).assertStatus(200)
    } finally {
      emitter.off('access_tokens_auth:authentication_succeeded', listener)
    }
    ;(await get('/api/auth/me')).assertStatus(200)
    assert.deepEqual(heard, [user.id, user.id])
  })
})

import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import { makeUser, signIn } from '#tests/helpers/auth'

test.group('Auth: session sign-in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('signs in with email and password and answers the user', async ({ client, assert }) => {
    const user = await makeUser('supervisor')
    const response = await client
      .post('/api/auth/login')
      .json({ email: user.email.toUpperCase(), password: 'Secret123!' })
      .withCsrfToken()
    response.assertStatus(200)
    response.assertBodyContains({ data: { user: { id: user.id, role: 'supervisor' } } })
    assert.notProperty(response.body().data.user, 'password')
    assert.exists(response.cookie('tablero-session'))
  })

  test('a wrong password and an unknown email get the same 401', async ({ client, assert }) => {
    const user = await makeUser('agent')
    const wrongPassword = await client
      .post('/api/auth/login')
      .json({ email: user.email, password: 'nope-nope' })
      .withCsrfToken()
    const unknownEmail = await client
      .post('/api/auth/login')
      .json({ email: 'nobody@tablero.test', password: 'Secret123!' })
      .withCsrfToken()
    wrongPassword.assertStatus(401)
    unknownEmail.assertStatus(401)
    assert.deepEqual(wrongPassword.body(), unknownEmail.body())
    assert.equal(wrongPassword.body().error.code, 'INVALID_CREDENTIALS')
  })

  test('a malformed email is a 422 naming the field', async ({ client }) => {
    const response = await client
      .post('/api/auth/login')
      .json({ email: 'not-an-email', password: 'x' })
      .withCsrfToken()
    response.assertStatus(422)
    response.assertBodyContains({
      error: { code: 'VALIDATION_FAILED', fields: [{ field: 'email' }] },
    })
  })

  test('the sixth failed sign-in within a minute answers 429', async ({ client, assert }) => {
    const user = await makeUser('agent')
    const statuses: number[] = []
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await client
        .post('/api/auth/login')
        .json({ email: user.email, password: 'wrong-password' })
        .withCsrfToken()
      statuses.push(response.status())
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429])

    const blocked = await client
      .post('/api/auth/login')
      .json({ email: user.email, password: 'Secret123!' })
      .withCsrfToken()
    blocked.assertStatus(429)
    assert.equal(blocked.body().error.code, 'TOO_MANY_ATTEMPTS')
  })

  // A fresh tab has no session, so no CSRF token, before signing in; a
  // cross-site page cannot post JSON (see anonymous_sessions.spec.ts).
  test('a sign-in needs no CSRF token: it comes before any session', async ({ client }) => {
    const user = await makeUser('agent')
    const response = await client
      .post('/api/auth/login')
      .json({ email: user.email, password: 'Secret123!' })
    response.assertStatus(200)
  })

  test('a deactivated user cannot sign in', async ({ client }) => {
    const user = await makeUser('agent', { active: false })
    const response = await client
      .post('/api/auth/login')
      .json({ email: user.email, password: 'Secret123!' })
      .withCsrfToken()
    response.assertStatus(401)
  })

  test('every sign-in is in the audit log', async ({ client, assert }) => {
    const user = await makeUser('agent')
    await client
      .post('/api/auth/login')
      .json({ email: user.email, password: 'Secret123!' })
      .withCsrfToken()
    const entry = await db
      .from('audit_logs')
      .where({ action: 'auth.login', record_id: String(user.id) })
      .first()
    assert.equal(entry.actor_id, user.id)
  })
})

test.group('Auth: session and tokens', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('/api/auth/me needs a session', async ({ client }) => {
    const response = await client.get('/api/auth/me')
    response.assertStatus(401)
    response.assertBodyContains({ error: { code: 'UNAUTHENTICATED' } })
  })

  test('/api/auth/me answers the signed-in user', async ({ client }) => {
    const agent = await signIn(client, 'agent')
    const response = await agent.get('/api/auth/me')
    response.assertStatus(200)
    response.assertBodyContains({ data: { user: { id: agent.user.id, role: 'agent' } } })
  })

  test('an API client exchanges credentials for a bearer token', async ({ client, assert }) => {
    const user = await makeUser('supervisor')
    const issued = await client
      .post('/api/auth/tokens')
      .json({ email: user.email, password: 'Secret123!', name: 'crm-sync' })
      .withCsrfToken()
    issued.assertStatus(201)
    const token = issued.body().data.token as string
    assert.match(token, /^tab_/)

    const me = await client.get('/api/auth/me').bearerToken(token)
    me.assertStatus(200)
    me.assertBodyContains({ data: { user: { id: user.id } } })

    // No CSRF token needed with a bearer token.
    const revoked = await client.delete('/api/auth/tokens/current').bearerToken(token)
    revoked.assertStatus(204)
    const after = await client.get('/api/auth/me').bearerToken(token)
    after.assertStatus(401)
  })

  test('logging a user out everywhere ends their sessions and tokens', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const agent = await signIn(client, 'agent')
    const token = await User.accessTokens.create(agent.user)

    const done = await admin.post(`/api/users/${agent.user.id}/logout-everywhere`)
    done.assertStatus(204)

    const staleSession = await agent.get('/api/auth/me')
    staleSession.assertStatus(401)
    const staleToken = await client.get('/api/auth/me').bearerToken(token.value!.release())
    staleToken.assertStatus(401)

    const entry = await db
      .from('audit_logs')
      .where({ action: 'auth.logout_everywhere', record_id: String(agent.user.id) })
      .first()
    assert.equal(entry.actor_id, admin.user.id)
  })

  test('only an admin may log a user out everywhere', async ({ client }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await makeUser('agent')
    const response = await supervisor.post(`/api/users/${agent.id}/logout-everywhere`)
    response.assertStatus(403)
    response.assertBodyContains({ error: { code: 'FORBIDDEN' } })
  })

  test('bearer requests get no session or XSRF cookies; browser requests do', async ({
    client,
    assert,
  }) => {
    const user = await makeUser('agent')
    const token = await User.accessTokens.create(user)
    const api = await client.get('/api/auth/me').bearerToken(token.value!.release())
    api.assertStatus(200)
    assert.isUndefined(api.header('set-cookie'))
    const browser = await client.get('/api/auth/me')
    assert.exists(browser.cookie('XSRF-TOKEN'))
  })

  test('logout ends the session', async ({ client }) => {
    const agent = await signIn(client, 'agent')
    const response = await agent.post('/api/auth/logout')
    response.assertStatus(204)
  })
})

import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import { signIn } from '#tests/helpers/auth'

test.group('Users as a resource (K9)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('an admin creates a user who can then sign in; the password is never read back', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const created = await admin.post('/api/r/users').json({
      full_name: 'Nueva Agente',
      email: 'Nueva@Tablero.test',
      password: 'Clave1234',
      role: 'agent',
    })
    created.assertStatus(201)
    assert.notProperty(created.body().data, 'password')
    assert.containsSubset(created.body().data, {
      email: 'nueva@tablero.test',
      locale: 'es',
      active: true,
    })
    const stored = await db.from('users').where('email', 'nueva@tablero.test').firstOrFail()
    assert.notEqual(stored.password, 'Clave1234')

    const login = await client
      .post('/api/auth/login')
      .json({ email: 'nueva@tablero.test', password: 'Clave1234' })
      .withCsrfToken()
    login.assertStatus(200)
    const listed = await admin.get('/api/r/users').qs({ q: 'nueva' })
    assert.notProperty(listed.body().data[0], 'password')
  })

  test('weak passwords, duplicate e-mails and bad time zones are 422 on the field', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const base = { full_name: 'X Y', role: 'agent' }
    const weak = await admin
      .post('/api/r/users')
      .json({ ...base, email: 'a@t.test', password: 'short' })
    assert.equal(weak.body().error.fields[0].field, 'password')
    const missing = await admin.post('/api/r/users').json({ ...base, email: 'b@t.test' })
    assert.equal(missing.body().error.fields[0].field, 'password')
    const duplicate = await admin
      .post('/api/r/users')
      .json({ ...base, email: admin.user.email, password: 'Clave1234' })
    assert.equal(duplicate.body().error.fields[0].field, 'email')
    const zone = await admin
      .post('/api/r/users')
      .json({ ...base, email: 'c@t.test', password: 'Clave1234', timezone: 'Mars/Olympus' })
    assert.equal(zone.body().error.fields[0].field, 'timezone')
  })

  test("a new password or a deactivation ends the user's sessions and tokens", async ({
    client,
  }) => {
    const admin = await signIn(client, 'admin')
    const agent = await signIn(client, 'agent')
    const token = await User.accessTokens.create(agent.user)
    ;(
      await admin.patch(`/api/r/users/${agent.user.id}`).json({ password: 'OtraClave99' })
    ).assertStatus(200)
    ;(await agent.get('/api/auth/me')).assertStatus(401)
    ;(await client.get('/api/auth/me').bearerToken(token.value!.release())).assertStatus(401)
  })

  test('an admin cannot demote or deactivate itself; others cannot manage users', async ({
    client,
  }) => {
    const admin = await signIn(client, 'admin')
    const supervisor = await signIn(client, 'supervisor')
    ;(await admin.patch(`/api/r/users/${admin.user.id}`).json({ role: 'agent' })).assertStatus(409)
    ;(await admin.patch(`/api/r/users/${admin.user.id}`).json({ active: false })).assertStatus(409)
    ;(
      await admin.patch(`/api/r/users/${admin.user.id}`).json({ full_name: 'Ana A.' })
    ).assertStatus(200)
    const refused = await supervisor
      .post('/api/r/users')
      .json({ full_name: 'X', email: 'x@t.test', password: 'Clave1234', role: 'admin' })
    refused.assertStatus(403)
  })
})

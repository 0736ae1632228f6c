import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeUser, signIn } from '#tests/helpers/auth'

const base = { full_name: 'Gemela', role: 'agent', password: 'Clave1234' }

test.group('Users: e-mails are unique regardless of letter case (K9)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('an e-mail differing from another user only in case is a 422 on the email field', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    await makeUser('agent', { email: 'ana.caso@tablero.test' })
    const created = await admin
      .post('/api/r/users')
      .json({ ...base, email: 'Ana.Caso@Tablero.TEST' })
    created.assertStatus(422)
    assert.equal(created.body().error.fields[0].field, 'email')

    const other = await makeUser('agent')
    const renamed = await admin
      .patch(`/api/r/users/${other.id}`)
      .json({ email: 'ANA.CASO@tablero.test' })
    renamed.assertStatus(422)
    assert.equal(renamed.body().error.fields[0].field, 'email')
  })

  test('e-mails are stored in lower case, and signing in takes any case', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const created = await admin
      .post('/api/r/users')
      .json({ ...base, email: 'Mixta.Mayus@Tablero.Test' })
    created.assertStatus(201)
    const stored = await db.from('users').where('id', created.body().data.id).firstOrFail()
    assert.equal(stored.email, 'mixta.mayus@tablero.test')
    const direct = await makeUser('agent', { email: 'Directa@Tablero.Test' })
    assert.equal(direct.email, 'directa@tablero.test')

    const login = await client
      .post('/api/auth/login')
      .json({ email: 'MIXTA.mayus@tablero.TEST', password: 'Clave1234' })
    login.assertStatus(200)
  })

  test('the database itself refuses two e-mails that differ only in case', async ({ assert }) => {
    await makeUser('agent', { email: 'unica@tablero.test' })
    const twin = {
      full_name: 'Gemela',
      email: 'UNICA@tablero.test',
      password: 'x',
      role: 'agent',
      created_at: '2026-01-01 00:00:00',
    }
    await assert.rejects(() => db.table('users').insert(twin))
  })
})

test.group('Users: the e-mail case migration', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  async function migration() {
    const { default: Migration } =
      await import('#database/migrations/1764000002800_make_user_emails_case_insensitive')
    return new Migration(db.connection(), 'make_user_emails_case_insensitive', false)
  }

  test('existing mixed-case e-mails are lower-cased', async ({ assert }) => {
    await (await migration()).execDown()
    const user = await makeUser('agent')
    await db.from('users').where('id', user.id).update({ email: 'Antigua.Mixta@Tablero.test' })
    await (await migration()).execUp()
    const stored = await db.from('users').where('id', user.id).firstOrFail()
    assert.equal(stored.email, 'antigua.mixta@tablero.test')
  })

  test('two users whose e-mails differ only in case stop it, named', async ({ assert }) => {
    // Only SQLite could hold them: MySQL's collation never let them in.
    if (!db.connection().dialect.name.includes('sqlite')) return
    await (await migration()).execDown()
    const first = await makeUser('agent')
    const second = await makeUser('agent')
    await db.from('users').where('id', first.id).update({ email: 'doble@tablero.test' })
    await db.from('users').where('id', second.id).update({ email: 'Doble@Tablero.test' })
    await assert.rejects(async () => (await migration()).execUp(), /doble@tablero\.test/)
  })
})

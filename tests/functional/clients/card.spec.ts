import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeUser, signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'

test.group('Clients: the card', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creates a client with an E.164 primary phone and its country', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const response = await supervisor.post('/api/r/clients').json({
      first_name: 'José',
      last_name: 'Pérez Gómez',
      email: 'Jose.Perez@Correo.test',
      document: '1020304050',
      primary_phone: '+57 300 123 4567',
    })
    response.assertStatus(201)
    const created = response.body().data
    assert.containsSubset(created, {
      primary_phone: '+573001234567',
      country: 'CO',
      email: 'jose.perez@correo.test',
      status: 'new',
    })
    const phone = await db.from('client_phones').where('client_id', created.id).firstOrFail()
    assert.equal(phone.e164, '+573001234567')
    assert.isTrue(Boolean(phone.is_primary))
  })

  test('an invalid phone or e-mail is a 422 naming the field, nothing written', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const badPhone = await supervisor
      .post('/api/r/clients')
      .json({ first_name: 'Ana', primary_phone: '+57 123' })
    badPhone.assertStatus(422)
    assert.equal(badPhone.body().error.fields[0].field, 'primary_phone')
    const badEmail = await supervisor
      .post('/api/r/clients')
      .json({ first_name: 'Ana', email: 'ana@' })
    badEmail.assertStatus(422)
    assert.equal(badEmail.body().error.fields[0].field, 'email')
    const count = await db.from('clients').where('first_name', 'Ana').count('* as n')
    assert.equal(Number(count[0].n), 0)
  })

  test('a phone or e-mail another client has is a 409 listing it, unless allowed', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const existing = await makeClient({ primary_phone: '+525512345678', email: 'dup@correo.test' })
    const refused = await supervisor
      .post('/api/r/clients')
      .json({ first_name: 'Otra', primary_phone: '+52 55 1234 5678' })
    refused.assertStatus(409)
    assert.equal(refused.body().error.code, 'DUPLICATE_CLIENT')
    assert.include(refused.body().error.message, `#${existing}`)

    const byEmail = await supervisor
      .post('/api/r/clients')
      .json({ first_name: 'Otra', email: 'DUP@correo.test' })
    byEmail.assertStatus(409)

    const allowed = await supervisor
      .post('/api/r/clients')
      .qs({ allowDuplicate: 1 })
      .json({ first_name: 'Otra', email: 'dup@correo.test' })
    allowed.assertStatus(201)
  })

  test('an agent creates clients assigned to itself and sees only its own', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const other = await makeUser('agent')
    const theirs = await makeClient({ assigned_user_id: other.id })
    const created = await agent.post('/api/r/clients').json({ first_name: 'Mía' })
    created.assertStatus(201)
    assert.equal(created.body().data.assigned_user_id, agent.user.id)
    // another agent's client is "sin acceso", a missing one "no existe" (issue 20 item 7)
    const refused = await agent.get(`/api/r/clients/${theirs}`)
    refused.assertStatus(403)
    assert.equal(refused.body().error.code, 'OUT_OF_SCOPE')
    const missing = await agent.get(`/api/r/clients/${theirs + 100000}`)
    missing.assertStatus(404)
    assert.equal(missing.body().error.code, 'NOT_FOUND')
    const list = await agent.get('/api/r/clients')
    assert.deepEqual(
      list.body().data.map((row: { id: number }) => row.id),
      [created.body().data.id]
    )
  })

  test('only an admin or the assigned user may change the assigned user', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const admin = await signIn(client, 'admin')
    const agent = await makeUser('agent')
    const id = await makeClient({ assigned_user_id: agent.id })

    const refused = await supervisor
      .patch(`/api/r/clients/${id}`)
      .json({ assigned_user_id: supervisor.user.id })
    refused.assertStatus(403)
    const removed = await admin.patch(`/api/r/clients/${id}`).json({ assigned_user_id: null })
    removed.assertStatus(200)
    assert.isNull(removed.body().data.assigned_user_id)
  })

  test('the country follows a new primary phone, and the history shows it', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const id = await makeClient({ primary_phone: '+573001234567', country: 'CO' })
    const moved = await admin
      .patch(`/api/r/clients/${id}`)
      .json({ primary_phone: '+34 612 345 678' })
    moved.assertStatus(200)
    assert.containsSubset(moved.body().data, { primary_phone: '+34612345678', country: 'ES' })
    const phones = await db.from('client_phones').where('client_id', id).orderBy('id')
    assert.deepEqual(
      phones.map((p) => [p.e164, Boolean(p.is_primary)]),
      [
        ['+573001234567', false],
        ['+34612345678', true],
      ]
    )
    const history = await admin.get(`/api/clients/${id}/history`)
    const fields = history.body().data.map((change: { field: string }) => change.field)
    assert.includeMembers(fields, ['primary_phone', 'country'])
    const country = history.body().data.find((c: { field: string }) => c.field === 'country')
    assert.containsSubset(country, { old: 'CO', new: 'ES', actor: { id: admin.user.id } })
  })

  test('VIP and BAD marks are set and filtered', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const id = await makeClient()
    await admin.patch(`/api/r/clients/${id}`).json({ vip: true })
    const vips = await admin
      .get('/api/r/clients')
      .qs({ filter: JSON.stringify({ field: 'vip', op: 'eq', value: true }) })
    assert.deepEqual(
      vips.body().data.map((row: { id: number }) => row.id),
      [id]
    )
  })
})

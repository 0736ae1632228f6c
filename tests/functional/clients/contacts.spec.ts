import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeUser, signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'

const phonesOf = async (clientId: number) =>
  (await db.from('client_phones').where('client_id', clientId).orderBy('id')).map((p) => ({
    e164: p.e164,
    primary: Boolean(Number(p.is_primary)),
    verified: Boolean(Number(p.verified)),
  }))

test.group('Clients: phones, notes, tasks, relations', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('adds phones, sets one primary (mirrored on the card) and marks it verified', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const id = await makeClient({ primary_phone: '+573001234567', country: 'CO' })
    const added = await admin
      .post('/api/r/client_phones')
      .json({ client_id: id, e164: '+1 202 555 0143' })
    added.assertStatus(201)
    assert.containsSubset(added.body().data, {
      e164: '+12025550143',
      country: 'US',
      is_primary: false,
    })

    const primary = await admin
      .patch(`/api/r/client_phones/${added.body().data.id}`)
      .json({ is_primary: true, verified: true })
    primary.assertStatus(200)
    assert.deepEqual(await phonesOf(id), [
      { e164: '+573001234567', primary: false, verified: false },
      { e164: '+12025550143', primary: true, verified: true },
    ])
    const card = await db.from('clients').where('id', id).firstOrFail()
    assert.equal(card.primary_phone, '+12025550143')
    assert.equal(card.country, 'US')
  })

  test('deleting the primary phone promotes the next one; the last clears the card', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const id = await makeClient({ primary_phone: '+573001234567', country: 'CO' })
    await admin.post('/api/r/client_phones').json({ client_id: id, e164: '+34612345678' })
    const [first] = await db.from('client_phones').where('client_id', id).orderBy('id')
    ;(await admin.delete(`/api/r/client_phones/${first.id}`)).assertStatus(204)
    assert.deepEqual(await phonesOf(id), [{ e164: '+34612345678', primary: true, verified: false }])
    assert.equal((await db.from('clients').where('id', id).firstOrFail()).country, 'ES')

    const [last] = await db.from('client_phones').where('client_id', id)
    ;(await admin.delete(`/api/r/client_phones/${last.id}`)).assertStatus(204)
    const card = await db.from('clients').where('id', id).firstOrFail()
    assert.isNull(card.primary_phone)
  })

  test('a phone another client has, or unsetting the primary, is refused', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const owner = await makeClient({ primary_phone: '+573001234567' })
    const id = await makeClient({ primary_phone: '+573009999999' })
    const duplicate = await admin
      .post('/api/r/client_phones')
      .json({ client_id: id, e164: '+57 300 123 4567' })
    duplicate.assertStatus(409)
    assert.include(duplicate.body().error.message, `#${owner}`)
    const [primary] = await db.from('client_phones').where('client_id', id)
    const unset = await admin
      .patch(`/api/r/client_phones/${primary.id}`)
      .json({ is_primary: false })
    unset.assertStatus(409)
    assert.equal(unset.body().error.code, 'PRIMARY_PHONE_REQUIRED')
  })

  test("an agent cannot touch the phones or notes of another agent's client", async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const other = await makeUser('agent')
    const theirs = await makeClient({ primary_phone: '+573001112233', assigned_user_id: other.id })
    const phone = await agent
      .post('/api/r/client_phones')
      .json({ client_id: theirs, e164: '+573004445566' })
    phone.assertStatus(422)
    assert.equal(phone.body().error.fields[0].field, 'client_id')
    const note = await agent.post('/api/r/client_notes').json({ client_id: theirs, body: 'hola' })
    note.assertStatus(422)
    const list = await agent
      .get('/api/r/client_phones')
      .qs({ filter: JSON.stringify({ field: 'client_id', op: 'eq', value: theirs }) })
    assert.deepEqual(list.body().data, [])
  })

  test('notes carry their author and refuse more than 64 KB', async ({ client, assert }) => {
    const agent = await signIn(client, 'agent')
    const id = await makeClient({ assigned_user_id: agent.user.id })
    const note = await agent
      .post('/api/r/client_notes')
      .json({ client_id: id, body: 'Llamar después de las 5' })
    note.assertStatus(201)
    assert.equal(note.body().data.author_id, agent.user.id)
    const huge = await agent
      .post('/api/r/client_notes')
      .json({ client_id: id, body: 'ñ'.repeat(40_000) })
    huge.assertStatus(422)
    assert.equal(huge.body().error.fields[0].field, 'body')
  })

  test('ticking a task done records when', async ({ client, assert }) => {
    const agent = await signIn(client, 'agent')
    const id = await makeClient({ assigned_user_id: agent.user.id })
    const task = await agent
      .post('/api/r/client_tasks')
      .qs({ confirmPast: 1 })
      .json({ client_id: id, title: 'Enviar contrato', due_at: '2020-01-01T10:00:00Z' })
    task.assertStatus(201)
    assert.isNull(task.body().data.done_at)
    const done = await agent
      .patch(`/api/r/client_tasks/${task.body().data.id}`)
      .json({ done: true })
    assert.isString(done.body().data.done_at)
    const undone = await agent
      .patch(`/api/r/client_tasks/${task.body().data.id}`)
      .json({ done: false })
    assert.isNull(undone.body().data.done_at)
  })

  test('related clients carry tags; a client cannot relate to itself', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const a = await makeClient()
    const b = await makeClient()
    const related = await admin
      .post('/api/r/client_relations')
      .json({ client_id: a, related_client_id: b, tags: 'cónyuge, mismo hogar,' })
    related.assertStatus(201)
    assert.equal(related.body().data.tags, 'cónyuge, mismo hogar')
    const self = await admin
      .post('/api/r/client_relations')
      .json({ client_id: a, related_client_id: a })
    self.assertStatus(422)
  })

  test('every relation to a client is labelled by first and last name', async ({
    client,
    assert,
  }) => {
    type MetaField = { name: string; relation: Record<string, unknown> | null }
    type MetaResource = { name: string; fields: MetaField[] }
    const admin = await signIn(client, 'admin')
    const meta = (await admin.get('/api/meta')).body().data
    const toClients = (meta.resources as MetaResource[]).flatMap((resource) =>
      resource.fields
        .filter((field) => field.relation?.resource === 'clients')
        .map((field) => ({ at: `${resource.name}.${field.name}`, relation: field.relation }))
    )
    assert.includeMembers(
      toClients.map(({ at }) => at),
      [
        'client_relations.related_client_id',
        'client_relations.client_id',
        'client_phones.client_id',
      ]
    )
    for (const { at, relation } of toClients) {
      assert.deepEqual(
        relation,
        { resource: 'clients', labelField: 'first_name', labelFields: ['first_name', 'last_name'] },
        at
      )
    }
    const author = (meta.resources as MetaResource[])
      .find((resource) => resource.name === 'client_notes')!
      .fields.find((field) => field.name === 'author_id')!
    assert.deepEqual(author.relation, {
      resource: 'users',
      labelField: 'full_name',
      labelFields: null,
    })
  })

  test('the client log shows the card and its satellites', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const id = await makeClient()
    await admin.patch(`/api/r/clients/${id}`).json({ status: 'contacted' })
    await admin.post('/api/r/client_notes').json({ client_id: id, body: 'nota' })
    await admin.post('/api/r/client_phones').json({ client_id: id, e164: '+573001234567' })
    const log = await admin.get(`/api/clients/${id}/log`)
    log.assertStatus(200)
    assert.deepEqual(
      log
        .body()
        .data.map(
          (entry: { action: string; resource: string }) => `${entry.action} ${entry.resource}`
        ),
      ['create client_phones', 'create client_notes', 'update clients']
    )
  })

  test('marketing preferences per channel, audited', async ({ client, assert }) => {
    const agent = await signIn(client, 'agent')
    const id = await makeClient({ assigned_user_id: agent.user.id })
    const initial = await agent.get(`/api/clients/${id}/marketing`)
    assert.deepEqual(initial.body().data, {
      sms: false,
      email: false,
      whatsapp: false,
      push: false,
    })
    const updated = await agent
      .put(`/api/clients/${id}/marketing`)
      .json({ sms: true, whatsapp: true })
    assert.deepEqual(updated.body().data, { sms: true, email: false, whatsapp: true, push: false })
    const again = await agent.put(`/api/clients/${id}/marketing`).json({ sms: false })
    assert.isFalse(again.body().data.sms)
    const bad = await agent.put(`/api/clients/${id}/marketing`).json({ fax: true })
    bad.assertStatus(422)
    assert.equal(bad.body().error.fields[0].field, 'fax')
    const unchanged = await agent.put(`/api/clients/${id}/marketing`).json({ sms: false })
    assert.isFalse(unchanged.body().data.sms)
    const entries = await db
      .from('audit_logs')
      .where({ action: 'marketing.update', subject_id: String(id) })
    assert.lengthOf(entries, 2)
  })
})

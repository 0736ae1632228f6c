import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import plugins from '#services/plugins'
import { SYSTEM_ACTOR } from '#services/audit_log'
import { makeUser, signIn } from '#tests/helpers/auth'
import resources from '#services/resources'
import { seedGreetings } from '#tests/helpers/greetings'

test.group('Resource engine: generic CRUD', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('creates a record from field metadata, with defaults, and audits it', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const response = await admin
      .post('/api/r/greetings')
      .json({ message: 'Buenos días', priority: 2, send_on: '2026-12-01' })
    response.assertStatus(201)
    const created = response.body().data
    assert.containsSubset(created, {
      message: 'Buenos días',
      language: 'es',
      priority: 2,
      urgent: false,
      send_on: '2026-12-01',
    })
    assert.match(created.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)

    const audit = await db
      .from('audit_logs')
      .where({ resource: 'greetings', record_id: String(created.id), action: 'create' })
      .firstOrFail()
    assert.equal(audit.actor_id, admin.user.id)
    assert.equal(JSON.parse(audit.after).message, 'Buenos días')
  })

  test('shows, updates with a field-level history, and deletes', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const [id] = await seedGreetings([{ message: 'Hola', priority: 1 }])

    ;(await admin.get(`/api/r/greetings/${id}`)).assertBodyContains({ data: { message: 'Hola' } })

    const updated = await admin.patch(`/api/r/greetings/${id}`).json({ priority: 4, urgent: true })
    updated.assertStatus(200)
    assert.containsSubset(updated.body().data, { priority: 4, urgent: true, message: 'Hola' })

    const history = await admin.get(`/api/r/greetings/${id}/history`)
    history.assertStatus(200)
    const [latest] = history.body().data
    assert.equal(latest.action, 'update')
    assert.deepEqual(latest.before, { priority: 1, urgent: false })
    assert.deepEqual(latest.after, { priority: 4, urgent: true })
    assert.equal(latest.actor.id, admin.user.id)

    ;(await admin.delete(`/api/r/greetings/${id}`)).assertStatus(204)
    ;(await admin.get(`/api/r/greetings/${id}`)).assertStatus(404)
    const deletion = await db
      .from('audit_logs')
      .where({ resource: 'greetings', record_id: String(id), action: 'delete' })
      .firstOrFail()
    assert.equal(JSON.parse(deletion.before).message, 'Hola')
  })

  test('writes are announced after they commit, with the resource, id and plugin', async ({
    client,
    assert,
    cleanup,
  }) => {
    const heard: Array<[string, unknown]> = []
    for (const event of ['resource.created', 'resource.updated', 'resource.deleted'] as const) {
      const listener = (data: unknown) => void heard.push([event, data])
      emitter.on(event, listener)
      cleanup(() => emitter.off(event, listener))
    }
    const admin = await signIn(client, 'admin')
    ;(await admin.post('/api/r/greetings').json({ priority: 2 })).assertStatus(422)
    const created = await admin.post('/api/r/greetings').json({ message: 'Hola', priority: 2 })
    created.assertStatus(201)
    const id = created.body().data.id
    ;(await admin.patch(`/api/r/greetings/${id}`).json({ priority: 3 })).assertStatus(200)
    ;(await admin.delete(`/api/r/greetings/${id}`)).assertStatus(204)
    // greetings has a relations field (lists): its links ride along (none here).
    const links = { lists: [] }
    assert.deepEqual(heard, [
      ['resource.created', { resource: 'greetings', id, plugin: 'hello', links }],
      ['resource.updated', { resource: 'greetings', id, plugin: 'hello', links }],
      ['resource.deleted', { resource: 'greetings', id, plugin: 'hello', links }],
    ])
  })

  test('bulk update and bulk delete are all or nothing', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const ids = await seedGreetings([{ message: 'a' }, { message: 'b' }, { message: 'c' }])

    const updated = await admin
      .post('/api/r/greetings/bulk-update')
      .json({ ids, values: { urgent: true } })
    updated.assertStatus(200)
    updated.assertBodyContains({ data: { affected: 3 } })
    const urgent = await db.from('greetings').whereIn('id', ids).where('urgent', 1).count('* as n')
    assert.equal(Number(urgent[0].n), 3)

    const refused = await admin
      .post('/api/r/greetings/bulk-delete')
      .json({ ids: [...ids, 999_999] })
    refused.assertStatus(404)
    const left = await db.from('greetings').whereIn('id', ids).count('* as n')
    assert.equal(Number(left[0].n), 3)

    ;(await admin.post('/api/r/greetings/bulk-delete').json({ ids })).assertBodyContains({
      data: { affected: 3 },
    })
  })

  test('lists with pagination, multi-key sort, filter tree and search', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    await seedGreetings([
      { message: 'Hola Ana', language: 'es', priority: 1 },
      { message: 'Hello Bob', language: 'en', priority: 3 },
      { message: 'Hola Carla', language: 'es', priority: 5 },
      { message: '100% off_sale', language: 'en', priority: 2 },
    ])
    const list = (query: Record<string, unknown>) => admin.get('/api/r/greetings').qs(query)

    const page = await list({ perPage: 2, page: 2, sort: 'language,-priority' })
    page.assertStatus(200)
    assert.deepEqual(page.body().meta, { total: 4, totalCapped: false, page: 2, perPage: 2 })
    assert.deepEqual(
      page.body().data.map((row: { message: string }) => row.message),
      ['Hola Carla', 'Hola Ana']
    )

    const filter = {
      or: [
        {
          and: [
            { field: 'language', op: 'eq', value: 'es' },
            { field: 'priority', op: 'gte', value: 3 },
          ],
        },
        { field: 'message', op: 'startsWith', value: 'Hello' },
      ],
    }
    const filtered = await list({ filter: JSON.stringify(filter), sort: 'message' })
    assert.deepEqual(
      filtered.body().data.map((row: { message: string }) => row.message),
      ['Hello Bob', 'Hola Carla']
    )

    const literal = await list({
      filter: JSON.stringify({ field: 'message', op: 'contains', value: '0% o' }),
    })
    assert.deepEqual(
      literal.body().data.map((row: { message: string }) => row.message),
      ['100% off_sale']
    )
    const wildcard = await list({
      filter: JSON.stringify({ field: 'message', op: 'contains', value: '_' }),
    })
    assert.equal(wildcard.body().meta.total, 1)

    const searched = await list({ q: 'hola ana' })
    assert.deepEqual(
      searched.body().data.map((row: { message: string }) => row.message),
      ['Hola Ana']
    )

    const between = await admin.post('/api/r/greetings/query').json({
      filter: { field: 'priority', op: 'between', value: [2, 3] },
      sort: ['priority'],
    })
    assert.deepEqual(
      between.body().data.map((row: { priority: number }) => row.priority),
      [2, 3]
    )
  })

  test('metadata describes the resource with fields, operators and actions', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const meta = (await supervisor.get('/api/meta')).body().data
    const greetings = meta.resources.find((r: { name: string }) => r.name === 'greetings')
    assert.equal(greetings.plugin, 'hello')
    assert.deepEqual(greetings.actions, {
      list: true,
      show: true,
      create: true,
      update: true,
      delete: false,
      export: true,
      import: false,
    })
    const language = greetings.fields.find((f: { name: string }) => f.name === 'language')
    assert.deepEqual(language.operators, ['eq', 'ne', 'in', 'null', 'notNull'])
    assert.lengthOf(language.options, 2)
  })

  test("a disabled plugin's resource answers 404 and leaves metadata", async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    await seedGreetings([{ message: 'kept' }])
    await plugins.disable('greeter-extra', SYSTEM_ACTOR)
    await plugins.disable('hello', SYSTEM_ACTOR)
    ;(await admin.get('/api/r/greetings')).assertStatus(404)
    const meta = (await admin.get('/api/meta')).body().data
    assert.notInclude(
      meta.resources.map((r: { name: string }) => r.name),
      'greetings'
    )
    await plugins.enable('hello', SYSTEM_ACTOR)
    await plugins.enable('greeter-extra', SYSTEM_ACTOR)
    const back = await admin.get('/api/r/greetings')
    assert.equal(back.body().data[0].message, 'kept')
  })

  test('a relation to a record that does not exist is a 422 on its field, on create and update', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const created = await admin
      .post('/api/r/greetings')
      .json({ message: 'Sin dueño', owner_id: 999_999 })
    created.assertStatus(422)
    assert.equal(created.body().error.fields[0].field, 'owner_id')
    assert.equal(created.body().error.fields[0].rule, 'exists')
    assert.equal(
      await db
        .from('greetings')
        .where('message', 'Sin dueño')
        .count('* as n')
        .first()
        .then((row) => Number(row.n)),
      0
    )

    const [id] = await seedGreetings([{ message: 'Con dueño', owner_id: admin.user.id }])
    const updated = await admin.patch(`/api/r/greetings/${id}`).json({ owner_id: 999_999 })
    updated.assertStatus(422)
    assert.equal(updated.body().error.fields[0].field, 'owner_id')
    ;(await admin.patch(`/api/r/greetings/${id}`).json({ owner_id: admin.user.id })).assertStatus(
      200
    )
  })

  test('a row scope with an OR stays in its parentheses under an AND filter', async ({
    client,
    assert,
    cleanup,
  }) => {
    const definition = resources.getOrFail('greetings')
    const scopes = definition.scopes
    // as a plugin could write it: own greetings, or any English one
    definition.scopes = {
      ...scopes,
      supervisor: (query, user) => query.where('owner_id', user.id).orWhere('language', 'en'),
    }
    cleanup(() => {
      definition.scopes = scopes
    })
    const supervisor = await signIn(client, 'supervisor')
    const other = await makeUser('supervisor')
    const [ownLow, ownHigh, englishHigh] = await seedGreetings([
      { message: 'propio 1', owner_id: supervisor.user.id, priority: 1 },
      { message: 'propio 5', owner_id: supervisor.user.id, priority: 5 },
      { message: 'english 5', owner_id: other.id, language: 'en', priority: 5 },
      { message: 'ajeno 5', owner_id: other.id, priority: 5 },
    ])

    const list = await supervisor.get('/api/r/greetings').qs({
      sort: 'id',
      filter: JSON.stringify({
        and: [
          { field: 'priority', op: 'eq', value: 5 },
          { field: 'urgent', op: 'eq', value: false },
        ],
      }),
    })
    list.assertStatus(200)
    const ids = list.body().data.map((row: { id: number }) => row.id)
    assert.deepEqual(ids, [ownHigh, englishHigh])
    assert.notInclude(ids, ownLow)
  })
})

import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import plugins from '#services/plugins'
import grants from '#services/grants'
import { SYSTEM_ACTOR } from '#services/audit_log'
import { ResourceRegistry } from '#resources/resource_registry'
import { defineResource, field } from '#resources'
import { makeUser, signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'

/**
 * A plugin's rows about clients, with the hello fixture's `client_greetings`:
 * their writes filed in the client's log (auditSubject), read by agents
 * for the clients they see (registry.visibleKeys), written inside a
 * caller's transaction (WriteOptions.trx).
 */
const GREETINGS = '/api/r/client_greetings'

type LogEntry = { action: string; resource: string; recordId: string; after: any; before: any }

const logOf = async (user: Awaited<ReturnType<typeof signIn>>, clientId: number) => {
  const response = await user.get(`/api/clients/${clientId}/log`)
  response.assertStatus(200)
  return (response.body().data as LogEntry[]).filter(
    (entry) => entry.resource === 'client_greetings'
  )
}

test.group('Resource engine: auditSubject', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test("a plugin row's create, update and delete appear in its client's log and in its own history", async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const clientId = await makeClient()
    const created = await supervisor.post(GREETINGS).json({ client_id: clientId, message: 'Hola' })
    created.assertStatus(201)
    const id = created.body().data.id
    ;(await supervisor.patch(`${GREETINGS}/${id}`).json({ message: 'Buenas' })).assertStatus(200)

    const history = await supervisor.get(`${GREETINGS}/${id}/history`)
    assert.deepEqual(
      history.body().data.map((entry: { action: string }) => entry.action),
      ['update', 'create']
    )
    ;(await supervisor.delete(`${GREETINGS}/${id}`)).assertStatus(204)

    const log = await logOf(supervisor, clientId)
    assert.deepEqual(
      log.map((entry) => [entry.action, entry.recordId]),
      [
        ['delete', String(id)],
        ['update', String(id)],
        ['create', String(id)],
      ]
    )
    assert.equal(log[1].after.message, 'Buenas')
    assert.equal(log[0].before.message, 'Buenas')
    // another client's log shows none of it
    assert.deepEqual(await logOf(supervisor, await makeClient()), [])
  })

  test('a row that names no client is filed under itself', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const created = await supervisor.post(GREETINGS).json({ message: 'Sin cliente' })
    created.assertStatus(201)
    const entry = await db
      .from('audit_logs')
      .where({ resource: 'client_greetings', record_id: String(created.body().data.id) })
      .firstOrFail()
    assert.equal(entry.subject, 'client_greetings')
    assert.equal(entry.subject_id, String(created.body().data.id))
  })

  test('a resource whose auditSubject names an undeclared field, or that has a parent, is refused', async ({
    assert,
  }) => {
    const registry = new ResourceRegistry(plugins)
    const base = {
      table: 'x',
      label: { es: 'X', en: 'X' },
      fields: [field.id(), field.number('client_id', { label: { es: 'C', en: 'C' } })],
      permissions: {},
    }
    assert.throws(
      () =>
        registry.register(
          defineResource({
            ...base,
            name: 'x_missing',
            auditSubject: { resource: 'clients', field: 'customer_id' },
          })
        ),
      /auditSubject/
    )
    assert.throws(
      () =>
        registry.register(
          defineResource({
            ...base,
            name: 'x_parent',
            parent: { resource: 'clients', field: 'client_id' },
            auditSubject: { resource: 'clients', field: 'client_id' },
          })
        ),
      /auditSubject/
    )
    registry.register(
      defineResource({
        ...base,
        name: 'x_fine',
        auditSubject: { resource: 'clients', field: 'client_id' },
      })
    )
    assert.exists(registry.find('x_fine'))
  })
})

test.group('Resource engine: visibleKeys', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('an agent reads the rows of the clients it sees, whoever wrote them, and no others', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const other = await makeUser('agent')
    const theirs = await makeClient({ assigned_user_id: agent.user.id })
    const foreign = await makeClient({ assigned_user_id: other.id })
    const ids: Record<string, number> = {}
    for (const [message, clientId] of [
      ['al suyo', theirs],
      ['al ajeno', foreign],
      ['a nadie', null],
    ] as const) {
      const created = await supervisor.post(GREETINGS).json({ client_id: clientId, message })
      created.assertStatus(201)
      ids[message] = created.body().data.id
    }

    const listed = await agent.get(GREETINGS)
    listed.assertStatus(200)
    assert.deepEqual(
      listed.body().data.map((row: { message: string }) => row.message),
      ['al suyo']
    )
    ;(await agent.get(`${GREETINGS}/${ids['al ajeno']}`)).assertStatus(404)
    assert.lengthOf((await supervisor.get(GREETINGS)).body().data, 3)

    // reassigning the client moves what the agent reads with it
    await db.from('clients').where('id', foreign).update({ assigned_user_id: agent.user.id })
    assert.lengthOf((await agent.get(GREETINGS)).body().data, 2)

    // an agent that may not read clients reads none of their rows
    await grants.change(
      [{ role: 'agent', permission: 'clients.show', granted: false }],
      SYSTEM_ACTOR
    )
    try {
      const none = await agent.get(GREETINGS)
      none.assertStatus(200)
      assert.deepEqual(none.body().data, [])
    } finally {
      await grants.change(
        [{ role: 'agent', permission: 'clients.show', granted: true }],
        SYSTEM_ACTOR
      )
    }
  })
})

test.group("Resource engine: writes in the caller's transaction", (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('engine creates inside an endpoint transaction commit together, or none stays', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const clientId = await makeClient()
    const events: unknown[] = []
    const listener = (payload: unknown) => events.push(payload)
    emitter.on('resource.created', listener)
    try {
      const refused = await supervisor
        .post('/api/p/hello/client-greetings/batch')
        .json({ clientId, messages: ['Primero', 'x'.repeat(201)] })
      refused.assertStatus(422)
      refused.assertBodyContains({ error: { fields: [{ field: 'message' }] } })
      const none = await db.from('client_greetings').where('client_id', clientId)
      assert.deepEqual(none, [])
      const audited = await db.from('audit_logs').where('resource', 'client_greetings')
      assert.deepEqual(audited, [])
      assert.deepEqual(events, [])

      const done = await supervisor
        .post('/api/p/hello/client-greetings/batch')
        .json({ clientId, messages: ['Uno', 'Dos'] })
      done.assertStatus(201)
      const stored = await db.from('client_greetings').where('client_id', clientId).orderBy('id')
      assert.deepEqual(
        stored.map((row) => row.message),
        ['Uno', 'Dos']
      )
      assert.lengthOf(await logOf(supervisor, clientId), 2)
      assert.deepEqual(
        events,
        stored.map((row) => ({ resource: 'client_greetings', id: row.id, plugin: 'hello' }))
      )
    } finally {
      emitter.off('resource.created', listener)
    }
  })
})

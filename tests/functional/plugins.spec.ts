import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import testUtils from '@adonisjs/core/services/test_utils'
import plugins from '#services/plugins'
import { SYSTEM_ACTOR } from '#services/audit_log'
import { signIn } from '#tests/helpers/auth'
import { received } from '#tests/fixtures/plugins/hello/backend/on_ping'

test.group('Plugin kernel over HTTP', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('an admin lists every plugin with state, dependencies and dependents', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const response = await admin.get('/api/plugins')
    response.assertStatus(200)
    const hello = response.body().data.find((p: { name: string }) => p.name === 'hello')
    assert.containsSubset(hello, {
      name: 'hello',
      version: '1.0.0',
      label: { es: 'Hola', en: 'Hello' },
      dependsOn: [],
      dependents: ['greeter-extra'],
      enabled: true,
    })
  })

  test('agents and supervisors cannot manage plugins', async ({ client }) => {
    for (const role of ['agent', 'supervisor'] as const) {
      const user = await signIn(client, role)
      ;(await user.get('/api/plugins')).assertStatus(403)
      ;(await user.post('/api/plugins/hello/disable')).assertStatus(403)
    }
  })

  test('plugin routes need a signed-in user', async ({ client }) => {
    const response = await client.get('/api/p/hello/greeting')
    response.assertStatus(401)
  })

  test('toggling a plugin flips its routes between 200 and 404', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const agent = await signIn(client, 'agent')
    ;(await agent.get('/api/p/hello/greeting')).assertBodyContains({ data: { message: 'hola' } })

    ;(await admin.post('/api/p/../plugins/greeter-extra/disable')).assertStatus(404)
    ;(await admin.post('/api/plugins/greeter-extra/disable')).assertStatus(200)
    const disabled = await admin.post('/api/plugins/hello/disable')
    disabled.assertStatus(200)
    assert.isFalse(disabled.body().data.enabled)

    const off = await agent.get('/api/p/hello/greeting')
    off.assertStatus(404)
    off.assertBodyContains({ error: { code: 'PLUGIN_DISABLED' } })

    ;(await admin.post('/api/plugins/hello/enable')).assertStatus(200)
    ;(await agent.get('/api/p/hello/greeting')).assertStatus(200)
  })

  test('disabling a plugin that an enabled plugin needs is refused with 409', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const response = await admin.post('/api/plugins/hello/disable')
    response.assertStatus(409)
    response.assertBodyContains({ error: { code: 'PLUGIN_DEPENDENCY' } })
    assert.include(response.body().error.message, '"greeter-extra"')
    assert.isTrue(plugins.isEnabled('hello'))
  })

  test('enabling a plugin whose dependency is disabled is refused with 409', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    await admin.post('/api/plugins/greeter-extra/disable')
    await admin.post('/api/plugins/hello/disable')

    const response = await admin
      .post('/api/plugins/greeter-extra/enable')
      .header('accept-language', 'en')
    response.assertStatus(409)
    assert.equal(
      response.body().error.message,
      'Cannot enable "greeter-extra": enable "hello" first'
    )
    const row = await db.from('plugins').where('name', 'greeter-extra').first()
    assert.isFalse(Boolean(row.enabled))
  })

  test('an unknown plugin is a 404 naming it', async ({ client }) => {
    const admin = await signIn(client, 'admin')
    const response = await admin.post('/api/plugins/nope/enable').header('accept-language', 'en')
    response.assertStatus(404)
    response.assertBodyContains({
      error: { code: 'PLUGIN_NOT_FOUND', message: 'Unknown plugin "nope"' },
    })
  })

  test('a toggle is persisted and audited in the same transaction', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    await admin.post('/api/plugins/greeter-extra/disable')
    const row = await db.from('plugins').where('name', 'greeter-extra').first()
    assert.isFalse(Boolean(row.enabled))
    const audit = await db
      .from('audit_logs')
      .where({ action: 'plugin.disable', record_id: 'greeter-extra' })
      .orderBy('id', 'desc')
      .first()
    assert.equal(audit.actor_id, admin.user.id)
    assert.deepEqual(JSON.parse(audit.after), { enabled: false })
  })

  test('a toggle made elsewhere (another node, the CLI) is picked up from the table', async ({
    client,
  }) => {
    const agent = await signIn(client, 'agent')
    await db.from('plugins').where('name', 'greeter-extra').update({ enabled: false })
    await plugins.refresh(true)
    ;(await agent.get('/api/p/greeter-extra/loud')).assertStatus(404)
    await db.from('plugins').where('name', 'greeter-extra').update({ enabled: true })
    await plugins.refresh(true)
    ;(await agent.get('/api/p/greeter-extra/loud')).assertStatus(200)
  })

  test('the menu in /api/meta follows the toggle at once', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const names = async () =>
      (await admin.get('/api/meta')).body().data.plugins.map((p: { name: string }) => p.name)
    assert.includeMembers(await names(), ['hello', 'greeter-extra'])
    await admin.post('/api/plugins/greeter-extra/disable')
    await admin.post('/api/plugins/hello/disable')
    assert.notIncludeMembers(await names(), ['hello', 'greeter-extra'])
    await admin.post('/api/plugins/hello/enable')
    const meta = (await admin.get('/api/meta')).body().data
    assert.deepEqual(meta.plugins.find((p: { name: string }) => p.name === 'hello').menu, [
      { key: 'hello', label: { es: 'Saludo', en: 'Greeting' }, path: '/hello' },
    ])
    assert.include(meta.permissions, 'plugins.manage')
  })

  test("an agent's meta carries no admin permission", async ({ client, assert }) => {
    const agent = await signIn(client, 'agent')
    const meta = (await agent.get('/api/meta')).body().data
    assert.notIncludeMembers(meta.permissions, [
      'plugins.manage',
      'users.manage',
      'permissions.manage',
      'clients.delete',
    ])
    // It lists the grants the agent holds: resource actions among them.
    assert.include(meta.permissions, 'clients.list')
    assert.equal(meta.user.role, 'agent')
  })

  test("a disabled plugin's event handlers stop and its data stays", async ({ assert }) => {
    received.length = 0
    await emitter.emit('hello.ping' as never, { n: 1 } as never)
    await plugins.disable('greeter-extra', SYSTEM_ACTOR)
    await plugins.disable('hello', SYSTEM_ACTOR)
    await emitter.emit('hello.ping' as never, { n: 2 } as never)
    await plugins.enable('hello', SYSTEM_ACTOR)
    await emitter.emit('hello.ping' as never, { n: 3 } as never)
    assert.deepEqual(received, [{ n: 1 }, { n: 3 }])
    await plugins.enable('greeter-extra', SYSTEM_ACTOR)
  })
})

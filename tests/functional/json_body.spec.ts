import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import plugins from '#services/plugins'
import { signIn } from '#tests/helpers/auth'
import { seedGreetings } from '#tests/helpers/greetings'

test.group('JSON request bodies', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('a deeply nested body on any endpoint answers 422 naming its member', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const value = `${'['.repeat(5000)}"x"${']'.repeat(5000)}`
    const response = await admin.post('/api/r/greetings').unsafeJson(`{"message":${value}}`)
    assert.equal(response.status(), 422, response.text().slice(0, 300))
    assert.equal(response.body().error.fields[0].field, 'message')
    assert.equal(response.body().error.fields[0].rule, 'nesting')
  })

  test('texts in a JSON body still arrive trimmed, and empty ones as null', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const [id] = await seedGreetings([{ message: 'x', send_on: '2026-01-02', priority: 2 }])
    const update = await admin
      .patch(`/api/r/greetings/${id}`)
      .json({ message: '  hola  ', send_on: '', priority: '  ' })
    assert.equal(update.status(), 200, update.text().slice(0, 300))
    assert.isNull(update.body().data.send_on)
    assert.isNull(update.body().data.priority)
    assert.equal(update.body().data.message, 'hola')
  })

  test('a body that is not JSON answers 400 in the error shape', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const response = await admin.post('/api/r/greetings').unsafeJson('{"message": "x",')
    assert.equal(response.status(), 400, response.text().slice(0, 300))
    assert.equal(response.body().error.code, 'INVALID_JSON')
  })

  test('a JSON body that is a bare text answers 422', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const response = await admin.post('/api/r/greetings').unsafeJson('"hello"')
    assert.equal(response.status(), 422, response.text().slice(0, 300))
    assert.equal(response.body().error.code, 'INVALID_JSON')
  })

  test('a body with a __proto__ key is refused', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const response = await admin
      .post('/api/r/greetings')
      .unsafeJson('{"message":"x","__proto__":{"isAdmin":true}}')
    assert.equal(response.status(), 400, response.text().slice(0, 300))
    assert.equal(response.body().error.code, 'INVALID_JSON')
  })
})

import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import plugins from '#services/plugins'
import { signIn } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'

const CHANNELS = '/api/r/greeting_channels'

const welcomes = async () =>
  (await db.from('greetings').where('message', 'like', 'Canal %').select('message')).map(
    (row) => row.message as string
  )

/**
 * A `prepare` hook (the fixture's greeting_channels) does work outside the
 * write's transaction, so these tests commit for real and truncate after.
 */
test.group('Resource engine: prepared writes', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test('prepare runs before the create, and what it did is kept with the record', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const created = await admin.post(CHANNELS).json({ name: 'Ventas', owner_id: admin.user.id })
    created.assertStatus(201)
    assert.deepEqual(await welcomes(), ['Canal Ventas abierto'])
    const history = await admin.get(`${CHANNELS}/${created.body().data.id}/history`)
    assert.deepEqual(
      history.body().data.map((entry: { action: string }) => entry.action),
      ['create']
    )
  })

  test('when the write fails after prepare, its undo takes back what prepare did', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    // The owner is checked inside the transaction, after prepare.
    const refused = await admin.post(CHANNELS).json({ name: 'Cobranzas', owner_id: 999999 })
    refused.assertStatus(422)
    assert.equal(refused.body().error.fields[0].field, 'owner_id')
    assert.deepEqual(await welcomes(), [])
    assert.lengthOf(await db.from('greeting_channels').select('id'), 0)

    // A name another channel holds fails inside the transaction too.
    ;(await admin.post(CHANNELS).json({ name: 'Soporte' })).assertStatus(201)
    const repeated = await admin.post(CHANNELS).json({ name: 'Soporte' })
    repeated.assertStatus(422)
    assert.deepEqual(await welcomes(), ['Canal Soporte abierto'])
  })

  test('a body that fails validation never reaches prepare', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    ;(await admin.post(CHANNELS).json({ owner_id: admin.user.id })).assertStatus(422)
    const supervisor = await signIn(client, 'supervisor')
    ;(await supervisor.post(CHANNELS).json({ name: 'Ajeno' })).assertStatus(403)
    assert.deepEqual(await welcomes(), [])
  })

  test('a resource with prepare refuses CSV import, and its meta offers none', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const template = await admin.get(`${CHANNELS}/import/template.csv`)
    template.assertStatus(409)
    assert.equal(template.body().error.code, 'IMPORT_NOT_SUPPORTED')
    const uploaded = await admin
      .post(`${CHANNELS}/imports`)
      .file('file', Buffer.from('name\nNorte\n'), { filename: 'canales.csv' })
    uploaded.assertStatus(409)
    assert.equal(uploaded.body().error.code, 'IMPORT_NOT_SUPPORTED')
    assert.deepEqual(await welcomes(), [])

    const meta = (await admin.get('/api/meta')).body().data
    const actionsOf = (name: string) =>
      meta.resources.find((resource: { name: string }) => resource.name === name).actions
    assert.isFalse(actionsOf('greeting_channels').import)
    assert.isTrue(actionsOf('greeting_channels').create)
    assert.isTrue(actionsOf('greetings').import)
  })

  test('a create-only field is written on create and refused on update', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const created = await admin.post(CHANNELS).json({ name: 'Ventas' })
    created.assertStatus(201)
    const id = created.body().data.id

    const renamed = await admin.patch(`${CHANNELS}/${id}`).json({ name: 'Otro' })
    renamed.assertStatus(422)
    assert.deepEqual(renamed.body().error.fields[0], {
      ...renamed.body().error.fields[0],
      field: 'name',
      rule: 'createOnly',
    })
    const owned = await admin.patch(`${CHANNELS}/${id}`).json({ owner_id: admin.user.id })
    owned.assertStatus(200)
    assert.equal(owned.body().data.name, 'Ventas')

    const meta = (await admin.get('/api/meta')).body().data
    const fields = meta.resources.find(
      (resource: { name: string }) => resource.name === 'greeting_channels'
    ).fields
    const name = fields.find((field: { name: string }) => field.name === 'name')
    assert.isTrue(name.createOnly)
    assert.isFalse(name.readOnly)
  })
})

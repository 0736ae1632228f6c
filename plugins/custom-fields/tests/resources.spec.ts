import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { makeClient, signIn } from '#sdk/testing'
import { postField, withFieldColumns, type MadeColumn } from './field_requests.ts'

const BASE = '/api/p/custom-fields'
const created: MadeColumn[] = []

/**
 * Profiles and fields are declared resources: the generic REST lists,
 * filters, exports and keeps their history, and checks permissions.
 */
test.group('custom-fields resources', (group) => {
  withFieldColumns(group, created)

  test('the profiles list is filtered and exported to CSV through the generic REST', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    for (const name of ['Cobranzas', 'Ventas', 'Cobranzas judiciales']) {
      const response = await supervisor.post('/api/r/cf_profiles').json({ name })
      response.assertStatus(201)
      assert.equal(response.body().data.status, 'active')
    }
    const filter = JSON.stringify({ field: 'name', op: 'contains', value: 'Cobranzas' })

    const list = await supervisor.get('/api/r/cf_profiles').qs({ filter, sort: 'name' })
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((row: { name: string }) => row.name),
      ['Cobranzas', 'Cobranzas judiciales']
    )

    const csv = await supervisor
      .get('/api/r/cf_profiles/export.csv')
      .qs({ filter, sort: '-name', headers: 'keys', lang: 'en' })
    csv.assertStatus(200)
    const lines = csv
      .text()
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    assert.equal(lines[0], 'id,name,description,campaigns,status,created_at,updated_at')
    assert.lengthOf(lines, 3)
    // Values as labels (issue 20.10).
    assert.match(lines[1], /^\d+,Cobranzas judiciales,,,Active,/)
    assert.match(lines[2], /^\d+,Cobranzas,,,Active,/)
  })

  test('an agent is refused every write, and the definitions too', async ({ client }) => {
    const supervisor = await signIn(client, 'supervisor')
    const profile = await supervisor.post('/api/r/cf_profiles').json({ name: 'Cobranzas' })
    const profileId = profile.body().data.id
    const agent = await signIn(client, 'agent')

    ;(await agent.get('/api/r/cf_profiles')).assertStatus(403)
    ;(await agent.get('/api/r/cf_fields')).assertStatus(403)
    ;(await agent.post('/api/r/cf_profiles').json({ name: 'Mía' })).assertStatus(403)
    ;(await agent.patch(`/api/r/cf_profiles/${profileId}`).json({ name: 'X' })).assertStatus(403)
    ;(await agent.get('/api/r/cf_profiles/export.csv')).assertStatus(403)
    ;(await agent.post('/api/r/cf_fields').json({})).assertStatus(403)
    ;(await agent.post('/api/r/cf_profiles').json({ name: 'Mía', campaigns: [] })).assertStatus(403)
  })

  test("a field's change shows in its history", async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const profile = await supervisor.post('/api/r/cf_profiles').json({ name: 'Cobranzas' })
    const key = `zona_${Date.now() % 100000}`
    const field = await postField(supervisor, profile.body().data.id, {
      key,
      type: 'text',
      label: { es: 'Zona', en: 'Zone' },
    })
    field.assertStatus(201)
    created.push({ key, type: 'text' })
    const id = field.body().data.id

    const updated = await supervisor
      .patch(`/api/r/cf_fields/${id}`)
      .json({ label_es: 'Zona de cobro', required: true })
    updated.assertStatus(200)

    const history = await supervisor.get(`/api/r/cf_fields/${id}/history`)
    history.assertStatus(200)
    const [latest, creation] = history.body().data
    assert.equal(latest.action, 'update')
    assert.deepEqual(latest.before, { label_es: 'Zona', required: false })
    assert.deepEqual(latest.after, { label_es: 'Zona de cobro', required: true })
    assert.equal(creation.action, 'create')

    const bad = await supervisor.patch(`/api/r/cf_fields/${id}`).json({ min: 5, max: 1 })
    bad.assertStatus(422)
    assert.equal(bad.body().error.fields[0].field, 'max')
  })

  test('an edit through the generic REST keeps the options clients hold and checks the default', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const profile = await supervisor.post('/api/r/cf_profiles').json({ name: 'Cobranzas' })
    const key = `segmento_${Date.now() % 100000}`
    const gold = { value: 'oro', label: { es: 'Oro', en: 'Gold' } }
    const silver = { value: 'plata', label: { es: 'Plata', en: 'Silver' } }
    const field = await postField(supervisor, profile.body().data.id, {
      key,
      type: 'select',
      label: { es: 'Segmento', en: 'Segment' },
      options: [gold, silver],
    })
    field.assertStatus(201)
    created.push({ key, type: 'select' })
    const id = field.body().data.id
    const holderId = await makeClient()
    await db
      .from('clients')
      .where('id', holderId)
      .update({ [key]: 'oro' })

    const dropGold = await supervisor
      .patch(`/api/r/cf_fields/${id}`)
      .json({ options: JSON.stringify([silver]) })
    dropGold.assertStatus(409)
    assert.equal(dropGold.body().error.code, 'OPTION_IN_USE')

    const badDefault = await supervisor
      .patch(`/api/r/cf_fields/${id}`)
      .json({ default_value: 'cobre' })
    badDefault.assertStatus(422)
    assert.equal(badDefault.body().error.fields[0].field, 'default_value')

    const badOptions = await supervisor.patch(`/api/r/cf_fields/${id}`).json({ options: '[1]' })
    badOptions.assertStatus(422)

    const bronze = { value: 'bronce', label: { es: 'Bronce', en: 'Bronze' } }
    const added = await supervisor
      .patch(`/api/r/cf_fields/${id}`)
      .json({ options: JSON.stringify([gold, silver, bronze]), default_value: 'bronce' })
    added.assertStatus(200)
    assert.equal(added.body().data.default_value, 'bronce')
    assert.lengthOf(JSON.parse(added.body().data.options), 3)
  })

  test('a profile is renamed through the generic REST and its campaigns replaced, both in its history', async ({
    client,
    assert,
  }) => {
    const [first, second] = await Promise.all(
      ['Cobranzas', 'Ventas'].map(async (name) => {
        const [id] = await db.table('campaigns').insert({
          name,
          type: 'outbound_dialer',
          active: 1,
          created_at: '2026-01-01 00:00:00',
        })
        return Number(id)
      })
    )
    const supervisor = await signIn(client, 'supervisor')
    const profile = await supervisor
      .post('/api/r/cf_profiles')
      .json({ name: 'Mora temprana', campaigns: [first] })
    profile.assertStatus(201)
    const id = profile.body().data.id

    ;(
      await supervisor.patch(`/api/r/cf_profiles/${id}`).json({ name: 'Mora tardía' })
    ).assertStatus(200)
    const linked = await supervisor
      .patch(`/api/r/cf_profiles/${id}`)
      .json({ campaigns: [second, first] })
    linked.assertStatus(200)
    assert.deepEqual(
      linked.body().data.campaigns,
      [first, second].sort((a, b) => a - b)
    )
    const moved = await supervisor.patch(`/api/r/cf_profiles/${id}`).json({ campaigns: [second] })
    assert.deepEqual(moved.body().data.campaigns, [second])
    const missing = await supervisor.patch(`/api/r/cf_profiles/${id}`).json({ campaigns: [999999] })
    missing.assertStatus(422)
    assert.equal(missing.body().error.fields[0].field, 'campaigns')
    const agent = await signIn(client, 'agent')
    ;(await agent.patch(`/api/r/cf_profiles/${id}`).json({ campaigns: [] })).assertStatus(403)
    // The bespoke endpoints are gone: the engine writes the links.
    ;(await supervisor.put(`${BASE}/profiles/${id}/campaigns`).json({})).assertStatus(404)
    const links = await db.from('cf_profile_campaigns').where('profile_id', id)
    assert.deepEqual(
      links.map((link) => Number(link.campaign_id)),
      [second]
    )
    const filtered = await supervisor.get('/api/r/cf_profiles').qs({
      filter: JSON.stringify({ field: 'campaigns', op: 'contains', value: second }),
    })
    assert.deepEqual(
      filtered.body().data.map((row: { id: number }) => row.id),
      [id]
    )

    const history = (await supervisor.get(`/api/r/cf_profiles/${id}/history`)).body().data
    assert.deepEqual(
      history.map((entry: { action: string }) => entry.action),
      ['update', 'update', 'update', 'create']
    )
    assert.deepEqual(history[0].before, { campaigns: [first, second].sort((a, b) => a - b) })
    assert.deepEqual(history[0].after, { campaigns: [second] })
    assert.deepEqual(history[3].after.campaigns, [first])
    assert.deepEqual(history[2].after, { name: 'Mora tardía' })
  })
})

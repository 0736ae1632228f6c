import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'

type Session = Awaited<ReturnType<typeof signIn>>

async function newCampaign(session: Session, name: string) {
  const created = await session.post('/api/r/campaigns').json({ name, type: 'outbound_dialer' })
  created.assertStatus(201)
  return created.body().data.id as number
}

test.group('Campaigns: archive instead of delete', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a campaign with clients is not deleted: 409 with the count, telling to archive', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const id = await newCampaign(admin, 'Cobranzas 2025')
    const clientIds = [await makeClient({ campaign_id: id }), await makeClient({ campaign_id: id })]

    const refused = await admin.delete(`/api/r/campaigns/${id}`).header('Accept-Language', 'es')
    refused.assertStatus(409)
    assert.equal(refused.body().error.code, 'RECORD_IN_USE')
    assert.include(refused.body().error.message, '2 cliente(s)')
    assert.include(refused.body().error.message, 'Archive')
    const english = await admin.delete(`/api/r/campaigns/${id}`).header('Accept-Language', 'en')
    assert.include(english.body().error.message, 'it has 2 client(s). Archive it instead')

    const bulk = await admin.post('/api/r/campaigns/bulk-delete').json({ ids: [id] })
    bulk.assertStatus(409)
    assert.isNotNull(await db.from('campaigns').where('id', id).first())
    const linked = await db.from('clients').whereIn('id', clientIds).select('campaign_id')
    assert.deepEqual(
      linked.map((row) => Number(row.campaign_id)),
      [id, id]
    )
  })

  test('a campaign without clients or gestiones can still be deleted', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const id = await newCampaign(admin, 'Campaña de prueba')
    ;(await admin.delete(`/api/r/campaigns/${id}`)).assertStatus(204)
    assert.isNull(await db.from('campaigns').where('id', id).first())
  })

  test('archiving keeps the campaign named on its clients, out of the active list, and restoring brings it back', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const id = await newCampaign(supervisor, 'Retención 2024')
    const clientId = await makeClient({ campaign_id: id })
    const active = JSON.stringify({ field: 'archived_at', op: 'null', value: true })
    const activeIds = async () =>
      (await supervisor.get('/api/r/campaigns').qs({ filter: active, perPage: 100 }))
        .body()
        .data.map((row: { id: number }) => row.id)

    const archived = await supervisor.post(`/api/r/campaigns/${id}/archive`)
    archived.assertStatus(200)
    assert.isString(archived.body().data.archived_at)
    assert.notInclude(await activeIds(), id)
    const shown = await supervisor.get(`/api/r/campaigns/${id}`)
    assert.equal(shown.body().data.name, 'Retención 2024')
    const onClient = await supervisor.get(`/api/r/clients/${clientId}`)
    assert.equal(onClient.body().data.campaign_id, id)

    const restored = await supervisor.post(`/api/r/campaigns/${id}/restore`)
    restored.assertStatus(200)
    assert.isNull(restored.body().data.archived_at)
    assert.include(await activeIds(), id)

    const history = await supervisor.get(`/api/r/campaigns/${id}/history`)
    assert.deepEqual(
      history
        .body()
        .data.map((entry: { action: string }) => entry.action)
        .slice(0, 2),
      ['restore', 'archive']
    )
  })

  test('no client is put in an archived campaign; one already in it keeps it when edited', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const id = await newCampaign(supervisor, 'Fidelización 2023')
    const member = await makeClient({ campaign_id: id })
    const outsider = await makeClient()
    ;(await supervisor.post(`/api/r/campaigns/${id}/archive`)).assertStatus(200)

    const moved = await supervisor
      .patch(`/api/r/clients/${outsider}`)
      .header('Accept-Language', 'es')
      .json({ campaign_id: id })
    moved.assertStatus(422)
    assert.deepInclude(moved.body().error.fields[0], { field: 'campaign_id', rule: 'archived' })
    assert.include(moved.body().error.fields[0].message, 'archivado')
    const created = await supervisor
      .post('/api/r/clients')
      .json({ first_name: 'Nuevo', campaign_id: id })
    created.assertStatus(422)

    const edited = await supervisor
      .patch(`/api/r/clients/${member}`)
      .json({ first_name: 'Sigue', campaign_id: id })
    edited.assertStatus(200)
    assert.equal(edited.body().data.campaign_id, id)
  })

  test('an agent cannot archive or restore a campaign, nor set archived_at by an edit', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const id = await newCampaign(supervisor, 'Ventas cruzadas')
    ;(await agent.post(`/api/r/campaigns/${id}/archive`)).assertStatus(403)
    ;(await agent.post(`/api/r/campaigns/${id}/restore`)).assertStatus(403)
    const edited = await supervisor
      .patch(`/api/r/campaigns/${id}`)
      .json({ archived_at: '2026-01-01T00:00:00Z' })
    edited.assertStatus(422)
    const row = await db.from('campaigns').where('id', id).firstOrFail()
    assert.isNull(row.archived_at)
  })

  test('a resource that is not archivable has no archive action', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const clientId = await makeClient()
    ;(await admin.post(`/api/r/clients/${clientId}/archive`)).assertStatus(404)
    const meta = await admin.get('/api/meta')
    const byName = (name: string) =>
      meta.body().data.resources.find((resource: { name: string }) => resource.name === name)
    assert.isTrue(byName('campaigns').archivable)
    assert.isFalse(byName('clients').archivable)
  })
})

import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { plugins, signIn, makeClient } from '#sdk/testing'

test.group('tipificaciones: a campaign keeps its gestiones', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('a campaign with gestiones is not deleted: 409 with the count, gestiones kept', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const created = await admin
      .post('/api/r/campaigns')
      .json({ name: 'Cobranzas cerrada', type: 'outbound_dialer' })
    const campaignId = created.body().data.id as number
    // The client has moved to no campaign; its gestión stays in this one.
    const clientId = await makeClient()
    await db.table('tip_gestiones').insert({
      client_id: clientId,
      campaign_id: campaignId,
      result_id: 1,
      level1_id: 1,
      result_path: 'Contactado',
      created_at: '2026-11-10 15:00:00',
    })

    const refused = await admin
      .delete(`/api/r/campaigns/${campaignId}`)
      .header('Accept-Language', 'es')
    refused.assertStatus(409)
    assert.equal(refused.body().error.code, 'RECORD_IN_USE')
    assert.include(refused.body().error.message, '1 gestión(es)')
    assert.notInclude(refused.body().error.message, 'cliente(s)')
    assert.lengthOf(await db.from('tip_gestiones').where('campaign_id', campaignId), 1)

    const archived = await admin.post(`/api/r/campaigns/${campaignId}/archive`)
    archived.assertStatus(200)
    const stats = await admin.get('/api/p/tipificaciones/stats').qs({ campaignId })
    assert.equal(stats.body().data.totalGestiones, 1)
  })

  test('no gestión is recorded in an archived campaign', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const created = await supervisor
      .post('/api/r/campaigns')
      .json({ name: 'Campaña cerrada', type: 'outbound_dialer' })
    const campaignId = created.body().data.id as number
    const clientId = await makeClient({ campaign_id: campaignId })
    ;(await supervisor.post(`/api/r/campaigns/${campaignId}/archive`)).assertStatus(200)

    const refused = await supervisor
      .post('/api/p/tipificaciones/gestiones')
      .header('Accept-Language', 'es')
      .json({ clientId, campaignId, level1Id: 1 })
    refused.assertStatus(422)
    assert.deepInclude(refused.body().error.fields[0], { field: 'campaignId', rule: 'archived' })
    assert.lengthOf(await db.from('tip_gestiones').where('campaign_id', campaignId), 0)
  })
})

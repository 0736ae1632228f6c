import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeUser, signIn } from '#tests/helpers/auth'

test.group('Campaigns and their agents', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a supervisor creates a campaign and assigns its agents', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const [ana, beto] = [await makeUser('agent'), await makeUser('agent')]
    const created = await supervisor
      .post('/api/r/campaigns')
      .json({ name: 'Cobranzas Temprana', type: 'outbound_dialer' })
    created.assertStatus(201)
    const id = created.body().data.id

    const assigned = await supervisor
      .put(`/api/campaigns/${id}/agents`)
      .json({ userIds: [beto.id, ana.id] })
    assigned.assertStatus(200)
    assert.sameMembers(
      assigned.body().data.map((agent: { id: number }) => agent.id),
      [ana.id, beto.id]
    )
    await supervisor.put(`/api/campaigns/${id}/agents`).json({ userIds: [ana.id] })
    const rows = await db.from('campaign_agents').where('campaign_id', id)
    assert.deepEqual(
      rows.map((row) => row.user_id),
      [ana.id]
    )
    const audit = await db
      .from('audit_logs')
      .where({ action: 'campaign.agents', record_id: String(id) })
    assert.lengthOf(audit, 2)
  })

  test('a duplicate campaign name or an unknown type is a 422 on the field', async ({ client }) => {
    const admin = await signIn(client, 'admin')
    await admin.post('/api/r/campaigns').json({ name: 'Retención', type: 'inbound_voice' })
    const again = await admin
      .post('/api/r/campaigns')
      .json({ name: 'Retención', type: 'inbound_voice' })
    again.assertStatus(422)
    again.assertBodyContains({ error: { fields: [{ field: 'name', rule: 'unique' }] } })
    const badType = await admin.post('/api/r/campaigns').json({ name: 'Otra', type: 'fax' })
    badType.assertStatus(422)
  })

  test('unknown users are refused and agents cannot change campaign agents', async ({ client }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const created = await supervisor
      .post('/api/r/campaigns')
      .json({ name: 'Ventas', type: 'inbound_voice' })
    const id = created.body().data.id
    const unknown = await supervisor.put(`/api/campaigns/${id}/agents`).json({ userIds: [999_999] })
    unknown.assertStatus(422)
    unknown.assertBodyContains({ error: { fields: [{ field: 'userIds[0]' }] } })
    ;(
      await agent.put(`/api/campaigns/${id}/agents`).json({ userIds: [agent.user.id] })
    ).assertStatus(403)
    ;(await agent.get(`/api/campaigns/${id}/agents`)).assertStatus(200)
  })
})

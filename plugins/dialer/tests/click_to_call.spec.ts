import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { makeClient, signIn } from '#sdk/testing'
import { API, campaign, dialerGroup, dialerWorld, phone } from './helpers.ts'

test.group('dialer: click-to-call from the client page (D6)', (group) => {
  dialerGroup(group, { atMidmorning: false })

  test('an agent calls a client in an outbound campaign; the call lands in the client log', async ({
    client,
    assert,
  }) => {
    const { ana, supervisor, campaignId } = await dialerWorld(client)
    const clientId = await makeClient({ assigned_user_id: ana.user.id, primary_phone: phone(1) })
    const called = await ana.post(`${API}/clients/${clientId}/call`).json({ campaignId })
    called.assertStatus(201)
    assert.containsSubset(called.body().data, { phone: phone(1), campaignId, mode: 'preview' })

    const interactions = await db.from('client_interactions').where('client_id', clientId)
    assert.containsSubset(interactions, [
      {
        channel: 'voice',
        direction: 'out',
        source: 'call',
        campaign_id: campaignId,
        user_id: ana.user.id,
      },
    ])
    const log = await supervisor.get(`/api/clients/${clientId}/log`)
    log.assertStatus(200)
    assert.include(
      log.body().data.map((entry: { action: string }) => entry.action),
      'dialer.call'
    )
  })

  test('the number must be the client’s, the campaign an outbound one the agent works, the number not on do-not-call', async ({
    client,
  }) => {
    const { ana, supervisor, campaignId } = await dialerWorld(client)
    const voice = await campaign([ana.user.id], 'inbound_voice')
    const foreign = await campaign([])
    const clientId = await makeClient({ assigned_user_id: ana.user.id, primary_phone: phone(2) })
    const call = (body: Record<string, unknown>) =>
      ana.post(`${API}/clients/${clientId}/call`).json(body)

    const stranger = await call({ campaignId, phone: phone(3) })
    stranger.assertStatus(422)
    stranger.assertBodyContains({ error: { fields: [{ field: 'phone' }] } })
    const notDialer = await call({ campaignId: voice })
    notDialer.assertStatus(422)
    notDialer.assertBodyContains({ error: { fields: [{ field: 'campaignId' }] } })
    ;(await call({ campaignId: foreign })).assertStatus(403)

    ;(await supervisor.post('/api/r/dialer_dnc').json({ number: phone(2) })).assertStatus(201)
    const blocked = await call({ campaignId })
    blocked.assertStatus(409)
    blocked.assertBodyContains({ error: { code: 'DIALER_DO_NOT_CALL' } })

    const other = await signIn(client, 'agent')
    const theirs = await makeClient({ assigned_user_id: other.user.id, primary_phone: phone(4) })
    const outOfScope = await ana.post(`${API}/clients/${theirs}/call`).json({ campaignId })
    outOfScope.assertStatus(404)
  })
})

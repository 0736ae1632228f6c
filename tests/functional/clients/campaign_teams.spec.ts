import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { makeUser, signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'
import { toSqlDateTime } from '#services/audit_log'

async function makeCampaign(name: string, memberIds: number[]) {
  const now = toSqlDateTime(DateTime.utc())
  const [id] = await db
    .table('campaigns')
    .insert({ name, type: 'outbound_dialer', active: 1, created_at: now, updated_at: now })
  if (memberIds.length > 0) {
    await db
      .table('campaign_agents')
      .multiInsert(
        memberIds.map((userId) => ({ campaign_id: id, user_id: userId, created_at: now }))
      )
  }
  return Number(id)
}

test.group('Campaign teams: who assigns a client, and to whom (C11, C16)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a supervisor assigns and unassigns a client of a campaign to an agent of its team', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const ana = await makeUser('agent')
    const campaignId = await makeCampaign('Cobranzas', [ana.id])
    const id = await makeClient({ campaign_id: campaignId })

    const assigned = await supervisor
      .patch(`/api/r/clients/${id}`)
      .json({ assigned_user_id: ana.id })
    assigned.assertStatus(200)
    assert.equal(assigned.body().data.assigned_user_id, ana.id)
    const released = await supervisor.patch(`/api/r/clients/${id}`).json({ assigned_user_id: null })
    released.assertStatus(200)
    assert.isNull(released.body().data.assigned_user_id)
  })

  test("assigning to a user outside the client's campaign is a 422 on the field", async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const admin = await signIn(client, 'admin')
    const [ana, beto] = [await makeUser('agent'), await makeUser('agent')]
    const campaignId = await makeCampaign('Ventas', [ana.id])
    await makeCampaign('Retención', [beto.id])
    const id = await makeClient({ campaign_id: campaignId })

    for (const user of [supervisor, admin]) {
      const refused = await user.patch(`/api/r/clients/${id}`).json({ assigned_user_id: beto.id })
      refused.assertStatus(422)
      refused.assertBodyContains({
        error: { fields: [{ field: 'assigned_user_id', rule: 'notInCampaign' }] },
      })
    }
    const row = await db.from('clients').where('id', id).first()
    assert.isNull(row.assigned_user_id)
  })

  test("the bulk edit assigns a campaign's clients through the same rule", async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const [ana, beto] = [await makeUser('agent'), await makeUser('agent')]
    const campaignId = await makeCampaign('Bulk', [ana.id])
    const ids = [
      await makeClient({ campaign_id: campaignId }),
      await makeClient({ campaign_id: campaignId }),
    ]
    const done = await supervisor
      .post('/api/r/clients/bulk-update')
      .json({ ids, values: { assigned_user_id: ana.id } })
    done.assertStatus(200)
    const rows = await db.from('clients').whereIn('id', ids)
    assert.deepEqual(
      rows.map((row) => Number(row.assigned_user_id)),
      [ana.id, ana.id]
    )
    const refused = await supervisor
      .post('/api/r/clients/bulk-update')
      .json({ ids, values: { assigned_user_id: beto.id } })
    refused.assertStatus(422)
    const after = await db.from('clients').whereIn('id', ids)
    assert.deepEqual(
      after.map((row) => Number(row.assigned_user_id)),
      [ana.id, ana.id]
    )
  })

  test("an agent cannot take another agent's client; without a campaign C11 alone decides", async ({
    client,
  }) => {
    const ana = await makeUser('agent')
    const beto = await signIn(client, 'agent')
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await makeCampaign('Solo', [ana.id, beto.user.id])
    const id = await makeClient({ campaign_id: campaignId, assigned_user_id: ana.id })
    // Beto reads his campaign's clients (C14) but may not take Ana's.
    ;(
      await beto.patch(`/api/r/clients/${id}`).json({ assigned_user_id: beto.user.id })
    ).assertStatus(403)
    const loose = await makeClient({ assigned_user_id: ana.id })
    ;(
      await supervisor
        .patch(`/api/r/clients/${loose}`)
        .json({ assigned_user_id: supervisor.user.id })
    ).assertStatus(403)
  })
})

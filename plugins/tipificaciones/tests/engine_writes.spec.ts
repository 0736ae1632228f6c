import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import testUtils from '@adonisjs/core/services/test_utils'
import { plugins, signIn, makeUser, makeClient } from '#sdk/testing'

type Session = Awaited<ReturnType<typeof signIn>>
const BASE = '/api/p/tipificaciones'
let sequence = 0

async function campaign(agentIds: number[] = []) {
  const [id] = await db.table('campaigns').insert({
    name: `Campaña motor ${++sequence}`,
    type: 'outbound_dialer',
    active: 1,
    created_at: '2026-01-01 00:00:00',
  })
  for (const userId of agentIds) {
    await db
      .table('campaign_agents')
      .insert({ campaign_id: id, user_id: userId, created_at: '2026-01-01 00:00:00' })
  }
  return Number(id)
}

/** A pending callback and its gestión as the recorder leaves them (for `userId`, or nobody). */
async function pendingCallback(clientId: number, campaignId: number, userId: number | null) {
  const [gestionId] = await db.table('tip_gestiones').insert({
    client_id: clientId,
    campaign_id: campaignId,
    user_id: userId,
    result_id: 1,
    level1_id: 1,
    result_path: 'Promesa de pago',
    for_me: userId === null ? 0 : 1,
    created_at: '2026-11-01 09:00:00',
  })
  const [id] = await db.table('tip_callbacks').insert({
    gestion_id: gestionId,
    client_id: clientId,
    campaign_id: campaignId,
    user_id: userId,
    due_at: '2026-12-01 09:00:00',
    status: 'pending',
    created_at: '2026-11-01 09:00:00',
    updated_at: '2026-11-01 09:00:00',
  })
  return Number(id)
}

const remove = (user: Session, id: number) => user.post(`${BASE}/callbacks/${id}/remove`)

async function statusOf(id: number) {
  const row = await db.from('tip_callbacks').where('id', id).select('status').firstOrFail()
  return row.status as string
}

type LogEntry = { action: string; resource: string; recordId: string; before: any; after: any }

async function clientLog(user: Session, clientId: number) {
  const response = await user.get(`/api/clients/${clientId}/log`)
  response.assertStatus(200)
  return (response.body().data as LogEntry[]).filter((entry) => entry.resource.startsWith('tip_'))
}

test.group('tipificaciones: "Quitar" a callback through the engine', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test("agents remove their own pending callbacks; supervisors and admins anyone's; the rest is 404", async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const other = await makeUser('agent')
    const supervisor = await signIn(client, 'supervisor')
    const admin = await signIn(client, 'admin')
    const campaignId = await campaign([agent.user.id, other.id])
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    const cases: Array<[Session, number | null, number]> = [
      [agent, agent.user.id, 204],
      [agent, other.id, 404],
      // a callback for the campaign (nobody's): the agent cannot take it off
      [agent, null, 404],
      [supervisor, other.id, 204],
      [supervisor, null, 204],
      [admin, agent.user.id, 204],
    ]
    for (const [user, owner, status] of cases) {
      const id = await pendingCallback(clientId, campaignId, owner)
      const response = await remove(user, id)
      const name = `${user.user.role} on ${owner === user.user.id ? 'own' : (owner ?? 'nobody')}`
      assert.equal(response.status(), status, `${name}: ${JSON.stringify(response.body())}`)
      assert.equal(await statusOf(id), status === 204 ? 'removed' : 'pending', name)
    }

    // removed once is gone: a second "Quitar" finds no pending callback
    const id = await pendingCallback(clientId, campaignId, agent.user.id)
    ;(await remove(agent, id)).assertStatus(204)
    const again = await remove(agent, id)
    again.assertStatus(404)
    assert.equal(again.body().error.code, 'NOT_FOUND')
    ;(await remove(agent, 999999)).assertStatus(404)
  })

  test('without tipificaciones.record "Quitar" is 403, and the generic PATCH is refused to every role', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const agent = await signIn(client, 'agent')
    const campaignId = await campaign([agent.user.id])
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    const id = await pendingCallback(clientId, campaignId, agent.user.id)

    for (const user of [admin, agent]) {
      const generic = await user.patch(`/api/r/tip_callbacks/${id}`).json({})
      generic.assertStatus(403)
      const status = await user.patch(`/api/r/tip_callbacks/${id}`).json({ status: 'removed' })
      status.assertStatus(403)
    }

    const revoked = await admin.put('/api/permissions').json({
      changes: [{ role: 'agent', permission: 'tipificaciones.record', granted: false }],
    })
    revoked.assertStatus(200)
    try {
      const refused = await remove(agent, id)
      refused.assertStatus(403)
      assert.equal(refused.body().error.code, 'FORBIDDEN')
      assert.equal(await statusOf(id), 'pending')
    } finally {
      await admin.post('/api/permissions/restore').json({})
    }
    ;(await remove(agent, id)).assertStatus(204)
  })

  test('"Quitar" is audited as an update of the callback, in its own history and in the client\'s log', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const campaignId = await campaign([agent.user.id])
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    const id = await pendingCallback(clientId, campaignId, agent.user.id)
    ;(await remove(agent, id)).assertStatus(204)

    const supervisor = await signIn(client, 'supervisor')
    const history = await supervisor.get(`/api/r/tip_callbacks/${id}/history`)
    history.assertStatus(200)
    const [entry] = history.body().data
    assert.equal(entry.action, 'update')
    assert.equal(entry.actor.id, agent.user.id)
    assert.deepInclude(entry.before, { status: 'pending' })
    assert.deepInclude(entry.after, { status: 'removed' })

    const log = await clientLog(agent, clientId)
    assert.deepEqual(
      log.map((row) => [row.resource, row.action, row.recordId]),
      [['tip_callbacks', 'update', String(id)]]
    )
  })
})

test.group('tipificaciones: gestiones and results written by the engine', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test("a gestión appears in its client's log, as the engine's create", async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const campaignId = await campaign([agent.user.id])
    const result = await supervisor
      .post(`${BASE}/results`)
      .json({ campaignIds: [campaignId], name: 'Promesa de pago', allowsScheduling: true })
    result.assertStatus(201)
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    const recorded = await agent.post(`${BASE}/gestiones`).json({
      clientId,
      campaignId,
      level1Id: result.body().data[0].id,
      notes: 'Paga el viernes',
      callbackAt: DateTime.utc().plus({ days: 1 }).toISO(),
    })
    recorded.assertStatus(201)

    const log = await clientLog(agent, clientId)
    assert.lengthOf(log, 1)
    assert.equal(log[0].resource, 'tip_gestiones')
    assert.equal(log[0].action, 'create')
    assert.equal(log[0].recordId, String(recorded.body().data.gestionId))
    assert.containsSubset(log[0].after, {
      notes: 'Paga el viernes',
      result_path: 'Promesa de pago',
    })
  })

  test('a result in two campaigns is two engine creates: audited, announced, placed in each tree', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const north = await campaign()
    const south = await campaign()
    const events: Array<{ resource: string; id: string | number }> = []
    const listener = (payload: { resource: string; id: string | number }) => events.push(payload)
    emitter.on('resource.created', listener)
    let ids: number[]
    try {
      const created = await supervisor
        .post(`${BASE}/results`)
        .json({ campaignIds: [north, south], name: 'No contesta', action: 'recall' })
      created.assertStatus(201)
      ids = created.body().data.map((row: { id: number }) => row.id)
    } finally {
      emitter.off('resource.created', listener)
    }
    assert.deepEqual(
      events.filter((event) => event.resource === 'tip_results').map((event) => event.id),
      ids
    )
    const rows = await db.from('tip_results').whereIn('id', ids).orderBy('id')
    assert.deepEqual(
      rows.map((row) => [row.campaign_id, row.level, row.sort_order, row.parent_id]),
      [
        [north, 1, 1, null],
        [south, 1, 1, null],
      ]
    )
    const audit = await db
      .from('audit_logs')
      .where('resource', 'tip_results')
      .whereIn(
        'record_id',
        ids.map((id) => String(id))
      )
      .select('action', 'actor_id')
    assert.deepEqual(
      audit.map((entry) => [entry.action, entry.actor_id]),
      [
        ['create', supervisor.user.id],
        ['create', supervisor.user.id],
      ]
    )
  })

  test("a child asked for in another campaign than its parent's is refused, and nothing is created", async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const north = await campaign()
    const south = await campaign()
    const parent = await supervisor
      .post(`${BASE}/results`)
      .json({ campaignIds: [north], name: 'Contactado', action: 'no_action' })
    parent.assertStatus(201)
    const before = await db.from('tip_results').count('* as n')
    const refused = await supervisor.post(`${BASE}/results`).json({
      parentId: parent.body().data[0].id,
      campaignIds: [north, south],
      name: 'Promesa',
      allowsScheduling: true,
    })
    refused.assertStatus(422)
    assert.equal(refused.body().error.fields[0].field, 'campaignIds')
    assert.deepEqual(await db.from('tip_results').count('* as n'), before)
  })

  test('the generic POST creates no result, even for an admin: results are placed by the tree editor', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const response = await admin
      .post('/api/r/tip_results')
      .json({ name: 'Suelto', action: 'recall' })
    response.assertStatus(403)
    assert.equal(response.body().error.code, 'FORBIDDEN')
  })
})

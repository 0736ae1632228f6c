import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { plugins, signIn, makeUser, makeClient, truncateAfterEach } from '#sdk/testing'

const BASE = '/api/p/tipificaciones'
let sequence = 0

async function campaign(agentIds: number[] = []) {
  const [id] = await db.table('campaigns').insert({
    name: `Campaña recursos ${++sequence}`,
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

/** A stored gestión as the recorder leaves it, at a chosen instant (UTC). */
async function gestion(values: {
  clientId: number
  campaignId: number
  userId: number
  createdAt: string
  path?: string
}) {
  const [id] = await db.table('tip_gestiones').insert({
    client_id: values.clientId,
    campaign_id: values.campaignId,
    user_id: values.userId,
    result_id: 1,
    level1_id: 1,
    result_path: values.path ?? 'Contactado',
    for_me: 0,
    created_at: values.createdAt,
  })
  return Number(id)
}

const ids = (response: { body(): { data: Array<{ id: number }> } }) =>
  response
    .body()
    .data.map((row) => Number(row.id))
    .sort((a, b) => a - b)

/**
 * The CSV export streams from a separate reader on SQLite, which cannot see
 * a test's open transaction: this group commits and truncates instead.
 */
test.group('tipificaciones: gestiones, callbacks and results as declared resources', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test('a supervisor lists gestiones filtered by agent, campaign and date, sorted, and exports them as CSV', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const ana = await makeUser('agent', { fullName: 'Ana Agente' } as never)
    const luis = await makeUser('agent', { fullName: 'Luis Agente' } as never)
    const north = await campaign([ana.id, luis.id])
    const south = await campaign([ana.id])
    const clientId = await makeClient({ campaign_id: north })
    const wanted = [
      await gestion({
        clientId,
        campaignId: north,
        userId: ana.id,
        createdAt: '2026-03-10 09:00:00',
        path: 'Contactado > Promesa',
      }),
      await gestion({
        clientId,
        campaignId: north,
        userId: ana.id,
        createdAt: '2026-03-10 17:30:00',
        path: 'No contesta',
      }),
    ]
    // each of these differs from the wanted ones in one filter only
    await gestion({
      clientId,
      campaignId: north,
      userId: luis.id,
      createdAt: '2026-03-10 10:00:00',
    })
    await gestion({ clientId, campaignId: south, userId: ana.id, createdAt: '2026-03-10 11:00:00' })
    await gestion({ clientId, campaignId: north, userId: ana.id, createdAt: '2026-03-12 11:00:00' })

    const filter = JSON.stringify({
      and: [
        { field: 'user_id', op: 'eq', value: ana.id },
        { field: 'campaign_id', op: 'eq', value: north },
        {
          field: 'created_at',
          op: 'between',
          value: ['2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z'],
        },
      ],
    })
    const listed = await supervisor.get('/api/r/tip_gestiones').qs({ filter, sort: '-created_at' })
    listed.assertStatus(200)
    assert.deepEqual(
      listed.body().data.map((row: { id: number }) => Number(row.id)),
      [...wanted].reverse()
    )

    const exported = await supervisor
      .get('/api/r/tip_gestiones/export.csv')
      .qs({ filter, sort: 'created_at', headers: 'keys', lang: 'es' })
    exported.assertStatus(200)
    exported.assertHeader('content-type', 'text/csv; charset=utf-8')
    const lines = exported
      .text()
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    assert.lengthOf(lines, 3, lines.join('\n'))
    assert.match(lines[0], /^id,created_at,user_id,campaign_id,client_id,result_path/)
    assert.match(lines[1], new RegExp(`^${wanted[0]},2026-03-10T09:00:00Z,.*Contactado > Promesa`))
    assert.match(lines[2], new RegExp(`^${wanted[1]},2026-03-10T17:30:00Z,.*No contesta`))
  })

  test('an agent lists the gestiones of the clients it sees, whoever recorded them, and only its own callbacks', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const other = await makeUser('agent')
    const campaignId = await campaign([agent.user.id, other.id])
    const theirs = await makeClient({ campaign_id: campaignId, assigned_user_id: agent.user.id })
    // a client of a campaign the agent does not work (agents read their campaigns' clients)
    const foreign = await makeClient({
      campaign_id: await campaign([other.id]),
      assigned_user_id: other.id,
    })
    const at = { campaignId, createdAt: '2026-03-10 09:00:00' }
    const own = await gestion({ ...at, clientId: theirs, userId: agent.user.id })
    const colleagues = await gestion({ ...at, clientId: theirs, userId: other.id })
    // recorded by the agent on a client it no longer sees: the client's new owner reads it
    const ownOnForeign = await gestion({ ...at, clientId: foreign, userId: agent.user.id })
    const foreignOnly = await gestion({ ...at, clientId: foreign, userId: other.id })
    for (const [gestionId, userId] of [
      [own, agent.user.id],
      [colleagues, other.id],
    ]) {
      await db.table('tip_callbacks').insert({
        gestion_id: gestionId,
        client_id: theirs,
        campaign_id: campaignId,
        user_id: userId,
        due_at: '2026-03-11 09:00:00',
        status: 'pending',
        created_at: '2026-03-10 09:00:00',
        updated_at: '2026-03-10 09:00:00',
      })
    }

    const gestiones = await agent.get('/api/r/tip_gestiones')
    gestiones.assertStatus(200)
    assert.deepEqual(ids(gestiones), [own, colleagues])
    assert.notProperty(gestiones.body().data[0], 'result_id')
    ;(await agent.get(`/api/r/tip_gestiones/${colleagues}`)).assertStatus(200)
    for (const hidden of [ownOnForeign, foreignOnly]) {
      ;(await agent.get(`/api/r/tip_gestiones/${hidden}`)).assertStatus(404)
    }
    ;(await agent.get('/api/r/tip_gestiones/export.csv')).assertStatus(403)

    const callbacks = await agent.get('/api/r/tip_callbacks')
    callbacks.assertStatus(200)
    assert.lengthOf(callbacks.body().data, 1)
    assert.equal(
      Number(callbacks.body().data[0].user_id?.id ?? callbacks.body().data[0].user_id),
      agent.user.id
    )

    const supervisor = await signIn(client, 'supervisor')
    assert.lengthOf((await supervisor.get('/api/r/tip_gestiones')).body().data, 4)
    assert.lengthOf((await supervisor.get('/api/r/tip_callbacks')).body().data, 2)
  })

  test('nobody writes gestiones through the generic REST: the recorder is their one write path', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const campaignId = await campaign()
    const clientId = await makeClient({ campaign_id: campaignId })
    const id = await gestion({
      clientId,
      campaignId,
      userId: admin.user.id,
      createdAt: '2026-03-10 09:00:00',
    })
    ;(await admin.post('/api/r/tip_gestiones').json({ result_path: 'X' })).assertStatus(403)
    // the fields the gestión form writes are declared, yet only its endpoint may write them
    const agent = await signIn(client, 'agent')
    for (const user of [admin, agent]) {
      const generic = await user
        .post('/api/r/tip_gestiones')
        .json({ client_id: clientId, campaign_id: campaignId, notes: 'X' })
      generic.assertStatus(403)
    }
    assert.equal(Number((await db.from('tip_gestiones').count('* as n'))[0].n), 1)
    ;(await admin.patch(`/api/r/tip_gestiones/${id}`).json({ notes: 'X' })).assertStatus(403)
    ;(await admin.delete(`/api/r/tip_gestiones/${id}`)).assertStatus(403)
  })

  test('an agent gets 403 on every results write, and cannot list results', async ({ client }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const campaignId = await campaign([agent.user.id])
    const created = await supervisor
      .post(`${BASE}/results`)
      .json({ campaignIds: [campaignId], name: 'No contesta', action: 'recall' })
    created.assertStatus(201)
    const id = created.body().data[0].id
    ;(
      await agent
        .post(`${BASE}/results`)
        .json({ campaignIds: [campaignId], name: 'Z', action: 'recall' })
    ).assertStatus(403)
    ;(await agent.patch(`/api/r/tip_results/${id}`).json({ name: 'Z' })).assertStatus(403)
    ;(await agent.delete(`/api/r/tip_results/${id}`)).assertStatus(403)
    ;(
      await agent.post(`${BASE}/results/import`).fields({ campaignIds: [String(campaignId)] })
    ).assertStatus(403)
    ;(await agent.post('/api/r/tip_results').json({ name: 'Z' })).assertStatus(403)
    ;(await agent.get('/api/r/tip_results')).assertStatus(403)
  })

  test('a result has a history: its creation and its changes, by whom', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign()
    const created = await supervisor
      .post(`${BASE}/results`)
      .json({ campaignIds: [campaignId], name: 'No contesta', action: 'recall' })
    created.assertStatus(201)
    const id = created.body().data[0].id
    ;(
      await supervisor.patch(`/api/r/tip_results/${id}`).json({ name: 'No responde' })
    ).assertStatus(200)

    const shown = await supervisor.get(`/api/r/tip_results/${id}`)
    shown.assertStatus(200)
    assert.equal(shown.body().data.name, 'No responde')
    const history = await supervisor.get(`/api/r/tip_results/${id}/history`)
    history.assertStatus(200)
    const entries = history.body().data
    assert.deepEqual(
      entries.map((entry: { action: string }) => entry.action),
      ['update', 'create']
    )
    assert.equal(entries[0].actor.id, supervisor.user.id)
    assert.equal(entries[0].after.name, 'No responde')
  })

  test('the generic writes of a result keep the tree rules: action or scheduling, and a used result stays', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign()
    const create = async (body: Record<string, unknown>) => {
      const response = await supervisor.post(`${BASE}/results`).json(body)
      response.assertStatus(201)
      return response.body().data[0].id as number
    }
    const contacted = await create({
      campaignIds: [campaignId],
      name: 'Contactado',
      action: 'no_action',
    })
    const promise = await create({ parentId: contacted, name: 'Promesa', allowsScheduling: true })
    const spare = await create({ campaignIds: [campaignId], name: 'Otro', action: 'recall' })
    const child = await create({ parentId: spare, name: 'Hijo', action: 'recall' })

    const both = await supervisor.patch(`/api/r/tip_results/${promise}`).json({ action: 'recall' })
    both.assertStatus(422)
    assert.equal(both.body().error.code, 'ACTION_AND_SCHEDULING')
    const swapped = await supervisor
      .patch(`/api/r/tip_results/${promise}`)
      .json({ action: 'recall', allows_scheduling: false })
    swapped.assertStatus(200)
    assert.equal(swapped.body().data.action, 'recall')

    const clientId = await makeClient({ campaign_id: campaignId })
    await db.table('tip_gestiones').insert({
      client_id: clientId,
      campaign_id: campaignId,
      user_id: supervisor.user.id,
      result_id: promise,
      level1_id: contacted,
      level2_id: promise,
      result_path: 'Contactado > Promesa',
      for_me: 0,
      created_at: '2026-03-10 09:00:00',
    })
    const used = await supervisor.delete(`/api/r/tip_results/${contacted}`)
    used.assertStatus(409)
    assert.equal(used.body().error.code, 'RESULT_IN_USE')
    assert.isNotNull(await db.from('tip_results').where('id', promise).first())

    ;(await supervisor.delete(`/api/r/tip_results/${spare}`)).assertStatus(204)
    assert.deepEqual(await db.from('tip_results').whereIn('id', [spare, child]), [])
    const history = await supervisor.get(`/api/r/tip_results/${promise}/history`)
    assert.deepEqual(
      history.body().data.map((entry: { action: string }) => entry.action),
      ['update', 'create']
    )
  })
})

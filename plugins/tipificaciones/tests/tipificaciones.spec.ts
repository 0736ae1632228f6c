import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import testUtils from '@adonisjs/core/services/test_utils'
import { plugins, signIn, truncateAfterEach, makeClient, makeCampaign } from '#sdk/testing'

type Session = Awaited<ReturnType<typeof signIn>>
const BASE = '/api/p/tipificaciones'

function campaign(type: 'inbound_voice' | 'outbound_dialer', agentIds: number[] = []) {
  return makeCampaign(type, agentIds, 'Campaña')
}

/** Contactado > Promesa de pago (scheduling) | No contesta (recall) */
async function tree(supervisor: Session, campaignId: number) {
  const create = async (body: Record<string, unknown>) => {
    const response = await supervisor
      .post(`${BASE}/results`)
      .json({ ...body, confirmVoiceIgnoresAction: true })
    response.assertStatus(201)
    return response.body().data[0].id as number
  }
  const contacted = await create({
    campaignIds: [campaignId],
    name: 'Contactado',
    action: 'no_action',
  })
  const promise = await create({
    parentId: contacted,
    name: 'Promesa de pago',
    allowsScheduling: true,
  })
  const refused = await create({
    parentId: contacted,
    name: 'No interesado',
    action: 'do_not_call',
    deleteScheduled: true,
  })
  const noAnswer = await create({
    campaignIds: [campaignId],
    name: 'No contesta',
    action: 'recall',
  })
  return { contacted, promise, refused, noAnswer }
}

const inOneHour = () => DateTime.utc().plus({ hours: 1 }).toISO()

test.group('tipificaciones: result tree', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('builds a three-level tree and refuses a fourth level', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign('outbound_dialer')
    const { contacted, promise } = await tree(supervisor, campaignId)
    const third = await supervisor
      .post(`${BASE}/results`)
      .json({ parentId: promise, name: 'Pago total', action: 'no_action' })
    third.assertStatus(201)
    const fourth = await supervisor
      .post(`${BASE}/results`)
      .json({ parentId: third.body().data[0].id, name: 'Demasiado', action: 'no_action' })
    fourth.assertStatus(422)
    assert.equal(fourth.body().error.code, 'TOO_DEEP')

    const listed = await supervisor.get(`${BASE}/results`).qs({ campaignId })
    const root = listed.body().data.find((node: { id: number }) => node.id === contacted)
    assert.deepEqual(
      root.children.map((child: { name: string }) => child.name),
      ['Promesa de pago', 'No interesado']
    )
    assert.equal(root.children[0].children[0].level, 3)
  })

  test('a result has an action or scheduling, never both; neither is "Sin acción"', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign('outbound_dialer')
    const both = await supervisor
      .post(`${BASE}/results`)
      .json({ campaignIds: [campaignId], name: 'X', action: 'recall', allowsScheduling: true })
    both.assertStatus(422)
    assert.equal(both.body().error.code, 'ACTION_AND_SCHEDULING')
    const neither = await supervisor
      .post(`${BASE}/results`)
      .json({ campaignIds: [campaignId], name: 'Y' })
    neither.assertStatus(201)
    assert.equal(neither.body().data[0].action, 'no_action')
  })

  test('an action applied to voice campaigns needs confirmation', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const voice = await campaign('inbound_voice')
    const dialer = await campaign('outbound_dialer')
    const body = { campaignIds: [voice, dialer], name: 'Equivocado', action: 'do_not_call' }
    const warned = await supervisor.post(`${BASE}/results`).json(body)
    warned.assertStatus(409)
    assert.equal(warned.body().error.code, 'VOICE_IGNORES_ACTION')
    const confirmed = await supervisor
      .post(`${BASE}/results`)
      .json({ ...body, confirmVoiceIgnoresAction: true })
    confirmed.assertStatus(201)
    assert.lengthOf(confirmed.body().data, 2)
  })

  test('agents read the tree but cannot change it', async ({ client }) => {
    const agent = await signIn(client, 'agent')
    const campaignId = await campaign('outbound_dialer', [agent.user.id])
    ;(await agent.get(`${BASE}/results`).qs({ campaignId })).assertStatus(200)
    ;(
      await agent
        .post(`${BASE}/results`)
        .json({ campaignIds: [campaignId], name: 'Z', action: 'recall' })
    ).assertStatus(403)
  })

  test('imports results from CSV with a per-row error report', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign('outbound_dialer')
    const template = await supervisor.get(`${BASE}/results/template.csv`)
    template.assertStatus(200)
    const good = await supervisor
      .post(`${BASE}/results/import`)
      .fields({ campaignIds: [String(campaignId)] })
      .file('file', Buffer.from(template.text()), { filename: 'resultados.csv' })
    good.assertStatus(201)
    assert.deepEqual(good.body().data, { rows: 3, created: 4 })

    const bad =
      'level1;level2;level3;action;allows_scheduling;delete_scheduled;gamification_measure\n' +
      'Contactado;;;recall;true;;\n;Sin nivel 1;;recall;;;\nOtro;;;volar;;;\n'
    const refused = await supervisor
      .post(`${BASE}/results/import`)
      .fields({ campaignIds: [String(campaignId)] })
      .file('file', Buffer.from(bad), { filename: 'malo.csv' })
    refused.assertStatus(422)
    assert.deepEqual(
      refused.body().error.fields.map((f: { field: string }) => f.field),
      ['rows[2].action', 'rows[3].level1', 'rows[4].action']
    )
  })
})

test.group('tipificaciones: the agent records gestiones', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('records a gestión with a callback "Para mí", shown in history, pending list and stats', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const campaignId = await campaign('outbound_dialer', [agent.user.id])
    const { contacted, promise } = await tree(supervisor, campaignId)
    const clientId = await makeClient({
      assigned_user_id: agent.user.id,
      primary_phone: '+573001234567',
      campaign_id: campaignId,
    })
    await makeClient({ campaign_id: campaignId })
    const events: Array<{ callbackAt: string | null }> = []
    const listener = (payload: { callbackAt: string | null }) => events.push(payload)
    const writes: unknown[] = []
    const written = (payload: unknown) => writes.push(payload)
    emitter.on('gestion.recorded', listener)
    emitter.on('resource.created', written)
    const callbackAt = DateTime.utc().plus({ hours: 1 }).startOf('second')
    try {
      const recorded = await agent.post(`${BASE}/gestiones`).json({
        clientId,
        campaignId,
        level1Id: contacted,
        level2Id: promise,
        notes: 'Paga el viernes',
        callbackAt: callbackAt.toISO(),
        alternatePhone: '+57 310 555 1234',
        forMe: true,
      })
      recorded.assertStatus(201)
      assert.equal(recorded.body().data.resultPath, 'Contactado > Promesa de pago')
      assert.lengthOf(events, 1)
      // the event and the answer give the instant as the API does: ISO UTC
      const iso = callbackAt.toISO({ suppressMilliseconds: true })
      assert.equal(events[0].callbackAt, iso)
      assert.equal(recorded.body().data.callbackAt, iso)
      // written by the engine: its audit entry, its event after the commit
      const gestionId = recorded.body().data.gestionId
      assert.deepEqual(writes, [
        { resource: 'tip_gestiones', id: gestionId, plugin: 'tipificaciones' },
      ])
      const audit = await db
        .from('audit_logs')
        .where({ resource: 'tip_gestiones', record_id: String(gestionId) })
        .select('action', 'actor_id', 'after')
      assert.lengthOf(audit, 1)
      assert.equal(audit[0].action, 'create')
      assert.equal(audit[0].actor_id, agent.user.id)
      assert.containsSubset(JSON.parse(audit[0].after), {
        result_path: 'Contactado > Promesa de pago',
        notes: 'Paga el viernes',
      })
    } finally {
      emitter.off('gestion.recorded', listener)
      emitter.off('resource.created', written)
    }

    // the client page's history: the resource's list, filtered by the client
    const history = await agent.get('/api/r/tip_gestiones').qs({
      filter: JSON.stringify({ field: 'client_id', op: 'eq', value: clientId }),
      sort: '-id',
    })
    history.assertStatus(200)
    assert.containsSubset(history.body().data[0], {
      result_path: 'Contactado > Promesa de pago',
      notes: 'Paga el viernes',
      for_me: true,
      alternate_phone: '+573105551234',
    })
    const pending = await agent.get(`${BASE}/callbacks/mine`)
    assert.lengthOf(pending.body().data, 1)
    assert.equal(pending.body().data[0].phone, '+573105551234')

    const stats = await supervisor.get(`${BASE}/stats`).qs({ campaignId })
    assert.deepEqual(stats.body().data.byResult, [
      { result: 'Contactado > Promesa de pago', total: 1, share: 1 },
    ])
    assert.deepEqual(stats.body().data.clients, { managed: 1, unmanaged: 1, total: 2 })

    ;(await agent.post(`${BASE}/callbacks/${pending.body().data[0].id}/remove`)).assertStatus(204)
    assert.lengthOf((await agent.get(`${BASE}/callbacks/mine`)).body().data, 0)

    const log = await agent.get(`/api/clients/${clientId}/dashboard`)
    assert.deepEqual(log.body().data.byChannel, [{ channel: 'voice', total: 1 }])
  })

  test('a result marked "delete scheduled" clears the client\'s earlier callbacks', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const campaignId = await campaign('outbound_dialer', [agent.user.id])
    const { contacted, promise, refused } = await tree(supervisor, campaignId)
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    await agent.post(`${BASE}/gestiones`).json({
      clientId,
      campaignId,
      level1Id: contacted,
      level2Id: promise,
      callbackAt: inOneHour(),
      forMe: true,
    })
    await agent
      .post(`${BASE}/gestiones`)
      .json({ clientId, campaignId, level1Id: contacted, level2Id: refused })
    const pending = await db.from('tip_callbacks').where({ client_id: clientId, status: 'pending' })
    assert.lengthOf(pending, 0)
  })

  test('bad gestiones are refused with a clear message', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const dialer = await campaign('outbound_dialer', [agent.user.id])
    const voice = await campaign('inbound_voice', [agent.user.id])
    const foreign = await campaign('outbound_dialer')
    const { contacted, promise, noAnswer } = await tree(supervisor, dialer)
    const voiceTree = await tree(supervisor, voice)
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    const send = (body: Record<string, unknown>) =>
      agent.post(`${BASE}/gestiones`).json({ clientId, ...body })

    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ campaignId: dialer, level1Id: contacted, level3Id: promise }, 422, 'level2Id'],
      [{ campaignId: dialer, level1Id: promise }, 422, 'level1Id'],
      [{ campaignId: dialer, level1Id: noAnswer, callbackAt: inOneHour() }, 422, 'callbackAt'],
      [
        {
          campaignId: dialer,
          level1Id: contacted,
          level2Id: promise,
          callbackAt: '2020-01-01T10:00:00Z',
        },
        422,
        'callbackAt',
      ],
      ...['+275760-09-13T00:00:00Z', '10000-01-01T00:00:00Z'].map(
        (far): [Record<string, unknown>, number, string] => [
          { campaignId: dialer, level1Id: contacted, level2Id: promise, callbackAt: far },
          422,
          'callbackAt',
        ]
      ),
      [
        {
          campaignId: voice,
          level1Id: voiceTree.contacted,
          level2Id: voiceTree.promise,
          callbackAt: inOneHour(),
          forMe: true,
        },
        422,
        'forMe',
      ],
      [{ campaignId: dialer, level1Id: voiceTree.noAnswer }, 422, 'level1Id'],
      [{ campaignId: foreign, level1Id: contacted }, 403, ''],
    ]
    for (const [body, status, field] of cases) {
      const response = await send(body)
      assert.equal(response.status(), status, JSON.stringify({ body, got: response.body() }))
      if (field) assert.equal(response.body().error.fields[0].field, field)
    }
    const none = await db.from('tip_gestiones').where('client_id', clientId)
    assert.lengthOf(none, 0)
  })

  test("an agent cannot record on another agent's client", async ({ client }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const other = await signIn(client, 'agent')
    const campaignId = await campaign('outbound_dialer', [agent.user.id])
    const { noAnswer } = await tree(supervisor, campaignId)
    const theirs = await makeClient({ assigned_user_id: other.user.id })
    const response = await agent
      .post(`${BASE}/gestiones`)
      .json({ clientId: theirs, campaignId, level1Id: noAnswer })
    response.assertStatus(404)
  })
})

/**
 * The report streams from its own SQLite reader, which cannot see a test's
 * open transaction: this group commits and truncates instead.
 */
test.group('tipificaciones: interactions report', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test('streams one CSV line per gestión with notes, user and date', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const campaignId = await campaign('outbound_dialer', [agent.user.id])
    const { contacted, refused } = await tree(supervisor, campaignId)
    const clientId = await makeClient({ assigned_user_id: agent.user.id, document: '123' })
    await agent.post(`${BASE}/gestiones`).json({
      clientId,
      campaignId,
      level1Id: contacted,
      level2Id: refused,
      notes: 'No quiere, "nunca"',
    })
    const report = await supervisor.get(`${BASE}/report.csv`).qs({ campaignId, headers: 'keys' })
    report.assertStatus(200)
    const lines = report
      .text()
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    // enabled plugins may put columns beside the client's name (collections-alerts' "Alerta")
    assert.match(lines[0], /^gestion_id,client_id,client,/)
    assert.match(lines[0], /,document,campaign,result,notes,user,registered_at$/)
    const spanish = await supervisor.get(`${BASE}/report.csv`).qs({ campaignId, lang: 'es' })
    const labels = spanish
      .text()
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]
    assert.match(labels, /^Gestión,ID cliente,Cliente,/)
    assert.match(labels, /,Notas,Usuario gestión,Fecha de registro$/)
    assert.lengthOf(lines, 2)
    assert.include(lines[1], 'Contactado > No interesado,"No quiere, ""nunca""",')
    assert.include(lines[1], agent.user.fullName)
    const mine = await agent.get(`${BASE}/report.csv`)
    assert.lengthOf(mine.text().trim().split('\r\n'), 2)
    const other = await signIn(client, 'agent')
    assert.lengthOf((await other.get(`${BASE}/report.csv`)).text().trim().split('\r\n'), 1)
  })
})

import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import testUtils from '@adonisjs/core/services/test_utils'
import { plugins, signIn, makeClient, makeCampaign } from '#sdk/testing'

type Session = Awaited<ReturnType<typeof signIn>>
const BASE = '/api/p/tipificaciones'

function campaign(type: 'inbound_voice' | 'outbound_dialer', agentIds: number[] = []) {
  return makeCampaign(type, agentIds, 'Niveles')
}

/**
 * No contactado (a grouping node: no action given)
 *   └ No contesta (Rellamar)
 *       └ Buzón de voz (Rellamar alternativo)
 * Contactado (grouping) └ Promesa de pago (agenda) └ Pago total (No volver a llamar)
 */
async function tree(supervisor: Session, campaignId: number) {
  const create = async (body: Record<string, unknown>) => {
    const response = await supervisor.post(`${BASE}/results`).json(body)
    response.assertStatus(201)
    return response.body().data[0] as { id: number; action: string | null }
  }
  const notReached = await create({ campaignIds: [campaignId], name: 'No contactado' })
  const noAnswer = await create({ parentId: notReached.id, name: 'No contesta', action: 'recall' })
  const voicemail = await create({
    parentId: noAnswer.id,
    name: 'Buzón de voz',
    action: 'recall_alternate',
  })
  const reached = await create({ campaignIds: [campaignId], name: 'Contactado' })
  const promise = await create({
    parentId: reached.id,
    name: 'Promesa de pago',
    allowsScheduling: true,
  })
  const paid = await create({ parentId: promise.id, name: 'Pago total', action: 'do_not_call' })
  return { notReached, noAnswer, voicemail, reached, promise, paid }
}

async function recording<T>(work: () => Promise<T>) {
  const events: Array<{ action: string | null; resultPath: string }> = []
  const listener = (payload: { action: string | null; resultPath: string }) => events.push(payload)
  emitter.on('gestion.recorded', listener)
  try {
    const result = await work()
    return { result, events }
  } finally {
    emitter.off('gestion.recorded', listener)
  }
}

test.group('tipificaciones: levels (issue 20 item 5)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('a grouping node given no action is "Sin acción"', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign('outbound_dialer')
    const { notReached, reached } = await tree(supervisor, campaignId)
    assert.equal(notReached.action, 'no_action')
    assert.equal(reached.action, 'no_action')
    // clearing the action of a result later leaves it "Sin acción" too
    const cleared = await supervisor
      .patch(`/api/r/tip_results/${notReached.id}`)
      .json({ action: null })
    cleared.assertStatus(200)
    const row = await db.from('tip_results').where('id', notReached.id).first()
    assert.equal(row.action, 'no_action')
  })

  test('"Sin acción" asks no voice confirmation; one voice campaign is named in the singular', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const voice = await campaign('inbound_voice')
    const grouping = await supervisor
      .post(`${BASE}/results`)
      .json({ campaignIds: [voice], name: 'Contactado' })
    grouping.assertStatus(201)
    const warned = await supervisor
      .post(`${BASE}/results`)
      .header('Accept-Language', 'es')
      .json({ campaignIds: [voice], name: 'Equivocado', action: 'do_not_call' })
    warned.assertStatus(409)
    assert.include(warned.body().error.message, 'es de voz y la ignorará')
    assert.notInclude(warned.body().error.message, 'son de voz')
  })

  test('the agent stops at level 1, 2 or 3; the deepest chosen action applies', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const campaignId = await campaign('outbound_dialer', [agent.user.id])
    const nodes = await tree(supervisor, campaignId)
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    const cases: Array<[Record<string, number>, string, string]> = [
      [{ level1Id: nodes.notReached.id }, 'No contactado', 'no_action'],
      [
        { level1Id: nodes.notReached.id, level2Id: nodes.noAnswer.id },
        'No contactado > No contesta',
        'recall',
      ],
      [
        {
          level1Id: nodes.notReached.id,
          level2Id: nodes.noAnswer.id,
          level3Id: nodes.voicemail.id,
        },
        'No contactado > No contesta > Buzón de voz',
        'recall_alternate',
      ],
    ]
    for (const [levels, path, action] of cases) {
      const { result, events } = await recording(() =>
        agent.post(`${BASE}/gestiones`).json({ clientId, campaignId, ...levels })
      )
      result.assertStatus(201)
      assert.equal(result.body().data.resultPath, path)
      assert.equal(result.body().data.action, action)
      assert.deepEqual(
        events.map((event) => event.action),
        [action]
      )
    }
    const rows = await db
      .from('tip_gestiones')
      .where('client_id', clientId)
      .orderBy('id')
      .select('result_id', 'level1_id', 'level2_id', 'level3_id')
    assert.deepEqual(
      rows.map((row) => [row.result_id, row.level2_id, row.level3_id].map((v) => v && Number(v))),
      [
        [nodes.notReached.id, null, null],
        [nodes.noAnswer.id, nodes.noAnswer.id, null],
        [nodes.voicemail.id, nodes.noAnswer.id, nodes.voicemail.id],
      ]
    )
  })

  test('a middle level that allows scheduling takes the callback', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const campaignId = await campaign('outbound_dialer', [agent.user.id])
    const { reached, promise } = await tree(supervisor, campaignId)
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    const response = await agent.post(`${BASE}/gestiones`).json({
      clientId,
      campaignId,
      level1Id: reached.id,
      level2Id: promise.id,
      callbackAt: DateTime.utc().plus({ days: 1 }).toISO(),
    })
    response.assertStatus(201)
    const callbacks = await db.from('tip_callbacks').where('client_id', clientId)
    assert.lengthOf(callbacks, 1)
  })

  test('level 1 is required, and a level needs the one above it', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const campaignId = await campaign('outbound_dialer', [agent.user.id])
    const nodes = await tree(supervisor, campaignId)
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    const none = await agent.post(`${BASE}/gestiones`).json({ clientId, campaignId })
    none.assertStatus(422)
    assert.equal(none.body().error.fields[0].field, 'level1Id')
    const skipped = await agent.post(`${BASE}/gestiones`).json({
      clientId,
      campaignId,
      level1Id: nodes.notReached.id,
      level3Id: nodes.voicemail.id,
    })
    skipped.assertStatus(422)
    assert.equal(skipped.body().error.fields[0].field, 'level2Id')
    assert.lengthOf(await db.from('tip_gestiones').where('client_id', clientId), 0)
  })
})

test.group(
  'tipificaciones: callback time and the form campaigns (issue 20 items 4, 6)',
  (group) => {
    group.each.setup(() => testUtils.db().withGlobalTransaction())
    group.each.setup(() => plugins.refresh(true))

    test('a callback in the past is refused with 422 naming callbackAt', async ({
      client,
      assert,
    }) => {
      const supervisor = await signIn(client, 'supervisor')
      const agent = await signIn(client, 'agent')
      const campaignId = await campaign('outbound_dialer', [agent.user.id])
      const { reached, promise } = await tree(supervisor, campaignId)
      const clientId = await makeClient({ assigned_user_id: agent.user.id })
      const response = await agent.post(`${BASE}/gestiones`).json({
        clientId,
        campaignId,
        level1Id: reached.id,
        level2Id: promise.id,
        callbackAt: DateTime.utc().minus({ minutes: 5 }).toISO(),
      })
      response.assertStatus(422)
      assert.equal(response.body().error.code, 'CALLBACK_IN_PAST')
      assert.equal(response.body().error.fields[0].field, 'callbackAt')
      assert.lengthOf(await db.from('tip_gestiones').where('client_id', clientId), 0)
      assert.lengthOf(await db.from('tip_callbacks').where('client_id', clientId), 0)
    })

    test('the form offers an agent its own open campaigns only; a supervisor every open one', async ({
      client,
      assert,
    }) => {
      const agent = await signIn(client, 'agent')
      const supervisor = await signIn(client, 'supervisor')
      const mine = await campaign('outbound_dialer', [agent.user.id])
      const other = await campaign('inbound_voice')
      const archived = await campaign('outbound_dialer', [agent.user.id])
      await db
        .from('campaigns')
        .where('id', archived)
        .update({ archived_at: '2026-02-01 00:00:00' })

      const agentList = await agent.get(`${BASE}/campaigns/mine`)
      agentList.assertStatus(200)
      const agentIds = agentList.body().data.map((row: { id: number }) => row.id)
      assert.include(agentIds, mine)
      assert.notInclude(agentIds, other)
      assert.notInclude(agentIds, archived)
      assert.equal(
        agentList.body().data.find((row: { id: number }) => row.id === mine).type,
        'outbound_dialer'
      )

      const supervisorIds = (await supervisor.get(`${BASE}/campaigns/mine`))
        .body()
        .data.map((row: { id: number }) => row.id)
      assert.includeMembers(supervisorIds, [mine, other])
      assert.notInclude(supervisorIds, archived)
    })
  }
)

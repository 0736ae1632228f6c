import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { truncateAfterEach, plugins, makeUser, signIn, makeClient } from '#sdk/testing'

const BASE = '/api/p/tipificaciones'
let sequence = 0

async function campaign() {
  const [id] = await db.table('campaigns').insert({
    name: `Campaña estadísticas ${++sequence}`,
    type: 'outbound_dialer',
    active: 1,
    created_at: '2026-01-01 00:00:00',
  })
  return Number(id)
}

/** A gestión as stored: `createdAt` in UTC ('yyyy-MM-dd HH:mm:ss'). */
async function gestion(values: {
  clientId: number
  campaignId: number
  createdAt: string
  userId?: number
  result?: string
}) {
  await db.table('tip_gestiones').insert({
    client_id: values.clientId,
    campaign_id: values.campaignId,
    result_id: 1,
    level1_id: 1,
    result_path: values.result ?? 'Contactado',
    user_id: values.userId ?? null,
    created_at: values.createdAt,
  })
}

test.group('tipificaciones: statistics', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test("a Bogotá supervisor's day runs to local midnight in the statistics", async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(
      client,
      await makeUser('supervisor', { timezone: 'America/Bogota' })
    )
    const campaignId = await campaign()
    const clientId = await makeClient({ campaign_id: campaignId })
    // 23:30 on 10 November in Bogotá (UTC−5) is 04:30 on the 11th in UTC.
    await gestion({ clientId, campaignId, createdAt: '2026-11-11 04:30:00' })

    const stats = async (day: string) =>
      (await supervisor.get(`${BASE}/stats`).qs({ from: day, to: day, campaignId })).body().data
    assert.equal((await stats('2026-11-10')).totalGestiones, 1)
    assert.deepEqual((await stats('2026-11-10')).clients, { managed: 1, unmanaged: 0, total: 1 })
    assert.equal((await stats('2026-11-11')).totalGestiones, 0)
  })

  test("a gestión counts in the campaign it was recorded in, not the client's current one", async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await makeUser('agent')
    const [first, second] = [await campaign(), await campaign()]
    const mine = { assigned_user_id: agent.id }
    // Managed in the first campaign, then moved to the second.
    const moved = await makeClient({ ...mine, campaign_id: second })
    await makeClient({ ...mine, campaign_id: first })
    const managed = await makeClient({ ...mine, campaign_id: second })
    const at = '2026-11-10 15:00:00'
    await gestion({ clientId: moved, campaignId: first, createdAt: at, userId: agent.id })
    await gestion({ clientId: managed, campaignId: second, createdAt: at, userId: agent.id })

    const stats = async (campaignId?: number) =>
      (
        await supervisor
          .get(`${BASE}/stats`)
          .qs({ userId: agent.id, ...(campaignId && { campaignId }) })
      ).body().data
    const inFirst = await stats(first)
    assert.equal(inFirst.totalGestiones, 1)
    assert.deepEqual(inFirst.clients, { managed: 0, unmanaged: 1, total: 1 })
    const inSecond = await stats(second)
    assert.equal(inSecond.totalGestiones, 1)
    assert.deepEqual(inSecond.clients, { managed: 1, unmanaged: 1, total: 2 })
    const overall = await stats()
    assert.equal(overall.totalGestiones, 2)
    assert.deepEqual(overall.clients, { managed: 1, unmanaged: 2, total: 3 })
  })

  test("the supervisor's day counts each agent's gestiones in the supervisor's zone", async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(
      client,
      await makeUser('supervisor', { timezone: 'America/Bogota' })
    )
    const [ana, beto] = [await makeUser('agent'), await makeUser('agent')]
    const campaignId = await campaign()
    const clientId = await makeClient({ campaign_id: campaignId })
    // 10 November in Bogotá runs from 05:00 UTC on the 10th to 05:00 UTC on the 11th.
    await gestion({ clientId, campaignId, createdAt: '2026-11-10 14:00:00', userId: ana.id })
    await gestion({ clientId, campaignId, createdAt: '2026-11-11 04:30:00', userId: ana.id })
    await gestion({ clientId, campaignId, createdAt: '2026-11-10 16:00:00', userId: beto.id })
    await gestion({ clientId, campaignId, createdAt: '2026-11-11 05:30:00', userId: beto.id })

    const response = await supervisor
      .get(`${BASE}/stats`)
      .qs({ from: '2026-11-10', to: '2026-11-10', campaignId })
    response.assertStatus(200)
    assert.deepEqual(response.body().data.byAgent, [
      { userId: ana.id, name: ana.fullName, total: 2 },
      { userId: beto.id, name: beto.fullName, total: 1 },
    ])
  })

  test("an agent's statistics name only the agent's own gestiones", async ({ client, assert }) => {
    const [ana, beto] = [await makeUser('agent'), await makeUser('agent')]
    const campaignId = await campaign()
    const clientId = await makeClient({ campaign_id: campaignId, assigned_user_id: ana.id })
    const at = '2026-11-10 15:00:00'
    await gestion({ clientId, campaignId, createdAt: at, userId: ana.id })
    await gestion({ clientId, campaignId, createdAt: at, userId: beto.id })

    const response = await (await signIn(client, ana)).get(`${BASE}/stats`).qs({ campaignId })
    assert.deepEqual(response.body().data.byAgent, [
      { userId: ana.id, name: ana.fullName, total: 1 },
    ])
  })

  test('a day that is not on the calendar is a 422 on its field', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const response = await supervisor.get(`${BASE}/stats`).qs({ from: '2026-02-30' })
    response.assertStatus(422)
    assert.equal(response.body().error.fields[0].field, 'from')
  })
})

/** The report streams from its own SQLite reader, which cannot see a test's open transaction. */
test.group('tipificaciones: interactions report by day', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test("a Bogotá supervisor's day runs to local midnight in the report", async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(
      client,
      await makeUser('supervisor', { timezone: 'America/Bogota' })
    )
    const campaignId = await campaign()
    const clientId = await makeClient({ campaign_id: campaignId })
    await gestion({ clientId, campaignId, createdAt: '2026-11-11 04:30:00' })

    const report = async (day: string) =>
      (await supervisor.get(`${BASE}/report.csv`).qs({ from: day, to: day, campaignId })).text()
    assert.include(await report('2026-11-10'), '2026-11-11T04:30:00')
    assert.notInclude(await report('2026-11-11'), '2026-11-11T04:30:00')
  })
})

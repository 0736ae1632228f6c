import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { plugins } from '#sdk/testing'
import { BASE, agendaWorld, callback, schedulingResult } from './agenda_fixtures.ts'

const inHours = (hours: number) => DateTime.utc().plus({ hours }).toISO()

test.group('agenda: shared callbacks', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('a callback recorded without "Para mí" goes to the campaign queue, not to anyone', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, team, clientId } = await agendaWorld(client)
    const result = await schedulingResult(supervisor, team)
    const recorded = await ana
      .post(`${BASE}/gestiones`)
      .json({ clientId, campaignId: team, ...result, callbackAt: inHours(20) })
    recorded.assertStatus(201)
    const row = await db.from('tip_callbacks').where('client_id', clientId).firstOrFail()
    assert.isNull(row.user_id)
    assert.equal(row.status, 'pending')
  })

  test('every agent of the campaign sees the due queue; agents of other campaigns never do', async ({
    client,
    assert,
  }) => {
    const { ana, beto, carla, team, clientId } = await agendaWorld(client)
    const due = await callback({ clientId, campaignId: team }, -5)
    await callback({ clientId, campaignId: team }, 60) // queued, not due yet
    for (const agent of [ana, beto]) {
      const queue = await agent.get(`${BASE}/agenda/queue`)
      queue.assertStatus(200)
      assert.deepEqual(
        queue.body().data.map((entry: { id: number }) => entry.id),
        [due]
      )
    }
    const outsider = await carla.get(`${BASE}/agenda/queue`)
    assert.deepEqual(outsider.body().data, [])
    const listed = await carla.get('/api/r/tip_callbacks')
    assert.equal(listed.body().meta.total, 0)
    ;(await carla.post(`${BASE}/callbacks/${due}/claim`)).assertStatus(404)
    const show = await carla.get(`/api/r/tip_callbacks/${due}`)
    show.assertStatus(404)
  })

  test('an agent takes a queued callback; the next agent gets 409 and it stays with the first', async ({
    client,
    assert,
  }) => {
    const { ana, beto, team, clientId } = await agendaWorld(client)
    const id = await callback({ clientId, campaignId: team }, -5)
    const taken = await beto.post(`${BASE}/callbacks/${id}/claim`)
    taken.assertStatus(200)
    assert.equal(taken.body().data.user_id, beto.user.id)
    const late = await ana.post(`${BASE}/callbacks/${id}/claim`)
    late.assertStatus(409)
    assert.equal(late.body().error.code, 'CALLBACK_TAKEN')
    assert.match(late.body().error.message, /Another agent took this callback/)
    const row = await db.from('tip_callbacks').where('id', id).firstOrFail()
    assert.equal(row.user_id, beto.user.id)
    // the claim is audited under the client
    const log = await beto.get(`/api/r/tip_callbacks/${id}/history`)
    log.assertStatus(200)
    assert.isAtLeast(log.body().data.length, 1)
    // gone from ana's queue, in beto's agenda
    assert.deepEqual((await ana.get(`${BASE}/agenda/queue`)).body().data, [])
    const events = await beto
      .get(`${BASE}/agenda/events`)
      .qs({ from: inHours(-24), to: inHours(24) })
    assert.deepEqual(
      events.body().data.map((event: { id: number }) => event.id),
      [id]
    )
  })

  test("the due count is the agent's own due callbacks plus its campaigns' due queue", async ({
    client,
    assert,
  }) => {
    const { ana, beto, carla, team, other, clientId } = await agendaWorld(client)
    await callback({ clientId, campaignId: team, userId: ana.user.id }, -10)
    await callback({ clientId, campaignId: team, userId: beto.user.id }, -10)
    await callback({ clientId, campaignId: team }, -1)
    await callback({ clientId, campaignId: other }, -1)
    await callback({ clientId, campaignId: team, userId: ana.user.id }, 90)
    const count = await ana.get(`${BASE}/agenda/due`)
    count.assertStatus(200)
    assert.equal(count.body().data.due, 2)
    assert.isString(count.body().data.nextDueAt)
    assert.equal((await carla.get(`${BASE}/agenda/due`)).body().data.due, 1)
  })
})

test.group('agenda: the supervisor moves and reassigns events', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('moving an event into the past is refused naming dueAt; into the future it moves, the client untouched', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, team, clientId } = await agendaWorld(client)
    const id = await callback({ clientId, campaignId: team, userId: ana.user.id }, 60)
    const card = await db.from('clients').where('id', clientId).firstOrFail()
    const past = await supervisor.patch(`${BASE}/agenda/events/${id}`).json({ dueAt: inHours(-2) })
    past.assertStatus(422)
    assert.equal(past.body().error.fields[0].field, 'dueAt')
    const when = DateTime.utc().plus({ days: 2 }).startOf('second')
    const moved = await supervisor
      .patch(`${BASE}/agenda/events/${id}`)
      .json({ dueAt: when.toISO() })
    moved.assertStatus(200)
    assert.equal(moved.body().data.due_at, when.toISO({ suppressMilliseconds: true }))
    assert.deepEqual(await db.from('clients').where('id', clientId).firstOrFail(), card)
  })

  test('reassigns to another agent of the campaign only', async ({ client, assert }) => {
    const { supervisor, ana, beto, carla, team, clientId } = await agendaWorld(client)
    const id = await callback({ clientId, campaignId: team, userId: ana.user.id }, 60)
    const outside = await supervisor
      .patch(`${BASE}/agenda/events/${id}`)
      .json({ userId: carla.user.id })
    outside.assertStatus(422)
    assert.equal(outside.body().error.fields[0].field, 'userId')
    const moved = await supervisor
      .patch(`${BASE}/agenda/events/${id}`)
      .json({ userId: beto.user.id })
    moved.assertStatus(200)
    assert.equal(moved.body().data.user_id, beto.user.id)
    const history = await supervisor.get(`/api/r/tip_callbacks/${id}/history`)
    assert.isAtLeast(history.body().data.length, 1)
  })

  test("an agent moves its own event but reassigns none, and never touches another's", async ({
    client,
  }) => {
    const { ana, beto, team, clientId } = await agendaWorld(client)
    const own = await callback({ clientId, campaignId: team, userId: ana.user.id }, 60)
    const theirs = await callback({ clientId, campaignId: team, userId: beto.user.id }, 60)
    ;(await ana.patch(`${BASE}/agenda/events/${own}`).json({ dueAt: inHours(5) })).assertStatus(200)
    ;(await ana.patch(`${BASE}/agenda/events/${own}`).json({ userId: beto.user.id })).assertStatus(
      403
    )
    ;(await ana.patch(`${BASE}/agenda/events/${theirs}`).json({ dueAt: inHours(5) })).assertStatus(
      404
    )
  })

  test('a phone no client has warns that the agent cannot manage it, until confirmed', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, team, clientId } = await agendaWorld(client)
    const id = await callback({ clientId, campaignId: team, userId: ana.user.id }, 60)
    const unknown = await supervisor
      .patch(`${BASE}/agenda/events/${id}`)
      .json({ phone: '+57 311 999 0000' })
    unknown.assertStatus(409)
    assert.equal(unknown.body().error.code, 'UNKNOWN_PHONE')
    assert.match(unknown.body().error.message, /will not be able to manage/)
    assert.equal(unknown.body().error.fields[0].field, 'phone')
    const row = await db.from('tip_callbacks').where('id', id).firstOrFail()
    assert.equal(row.phone, '+573001234567')
    const confirmed = await supervisor
      .patch(`${BASE}/agenda/events/${id}`)
      .json({ phone: '+57 311 999 0000', confirmUnknownPhone: true })
    confirmed.assertStatus(200)
    assert.equal(confirmed.body().data.phone, '+573119990000')
    const known = await supervisor
      .patch(`${BASE}/agenda/events/${id}`)
      .json({ phone: '+57 300 123 4567' })
    known.assertStatus(200)
  })

  test("the supervisor sees every agent's events and filters them by agent and campaign", async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, beto, team, other, clientId } = await agendaWorld(client)
    const anas = await callback({ clientId, campaignId: team, userId: ana.user.id }, 60)
    const betos = await callback({ clientId, campaignId: team, userId: beto.user.id }, 120)
    const elsewhere = await callback({ clientId, campaignId: other }, 180)
    const window = { from: inHours(-1), to: inHours(24) }
    const ids = async (qs: Record<string, unknown>, session = supervisor) =>
      (await session.get(`${BASE}/agenda/events`).qs({ ...window, ...qs }))
        .body()
        .data.map((event: { id: number }) => event.id)
    assert.deepEqual(await ids({}), [anas, betos, elsewhere])
    assert.deepEqual(await ids({ userId: beto.user.id }), [betos])
    assert.deepEqual(await ids({ campaignId: other }), [elsewhere])
    assert.deepEqual(await ids({}, ana), [anas])
    const theirs = await ana.get(`${BASE}/agenda/events`).qs({ ...window, userId: beto.user.id })
    theirs.assertStatus(403)
  })

  test('an agent adds an event for itself, in the future, and removes it', async ({
    client,
    assert,
  }) => {
    const { ana, team, clientId } = await agendaWorld(client)
    const past = await ana
      .post(`${BASE}/agenda/events`)
      .json({ clientId, campaignId: team, dueAt: inHours(-1) })
    past.assertStatus(422)
    assert.equal(past.body().error.fields[0].field, 'dueAt')
    const added = await ana
      .post(`${BASE}/agenda/events`)
      .json({ clientId, campaignId: team, dueAt: inHours(3), notes: 'Llamar por la tarde' })
    added.assertStatus(201)
    const event = added.body().data
    assert.equal(event.user_id, ana.user.id)
    assert.equal(event.phone, '+573001234567')
    assert.isNull(event.gestion_id)
    ;(await ana.post(`${BASE}/callbacks/${event.id}/remove`)).assertStatus(204)
    const row = await db.from('tip_callbacks').where('id', event.id).firstOrFail()
    assert.equal(row.status, 'removed')
  })

  test("the agenda shows the user's own open client tasks with a due date, nobody else's", async ({
    client,
    assert,
  }) => {
    const { ana, beto, clientId } = await agendaWorld(client)
    const task = async (title: string, userId: number, hours: number, done = 0) => {
      const [id] = await db.table('client_tasks').insert({
        client_id: clientId,
        title,
        assigned_user_id: userId,
        due_at: DateTime.utc().plus({ hours }).toSQL({ includeOffset: false }),
        done,
        created_at: DateTime.utc().toSQL({ includeOffset: false }),
      })
      return Number(id)
    }
    const open = await task('Enviar contrato', ana.user.id, 2)
    await task('Ya hecha', ana.user.id, 3, 1)
    await task('De otro', beto.user.id, 2)
    await task('Fuera de la ventana', ana.user.id, 24 * 40)
    const listed = await ana
      .get(`${BASE}/agenda/tasks`)
      .qs({ from: inHours(-24), to: inHours(24 * 7) })
    listed.assertStatus(200)
    assert.deepEqual(
      listed.body().data.map((entry: { id: number; title: string }) => [entry.id, entry.title]),
      [[open, 'Enviar contrato']]
    )
  })
})

import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { toSqlDateTime } from '#sdk'
import {
  API,
  buildList,
  clientsOf,
  contact,
  dialerGroup,
  dialerWorld,
  next,
  phone,
  type Session,
} from './helpers.ts'

const TIP = '/api/p/tipificaciones'

async function result(supervisor: Session, campaignId: number, body: Record<string, unknown>) {
  const response = await supervisor
    .post(`${TIP}/results`)
    .json({ campaignIds: [campaignId], ...body })
  response.assertStatus(201)
  return response.body().data[0].id as number
}

async function gestion(agent: Session, body: Record<string, unknown>) {
  const response = await agent.post(`${TIP}/gestiones`).json(body)
  if (response.status() !== 201) throw new Error(JSON.stringify(response.body()))
  return response.body().data
}

/** Ana's campaign with `count` clients assigned to her, a list of them, and her first claim. */
async function claimedWorld(client: Parameters<typeof dialerWorld>[0], count = 3) {
  const world = await dialerWorld(client)
  const clients = await clientsOf(world.campaignId, count, 0, {
    assigned_user_id: world.ana.user.id,
  })
  await buildList(world.supervisor, world.campaignId)
  const claimed = (await next(world.ana, world.campaignId))!
  return { ...world, clients, claimed }
}

test.group('dialer: tipificaciones actions move the contact (T3)', (group) => {
  dialerGroup(group)

  test('Rellamar puts the contact back at the end of the list, same phone; the wrap-up ends', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaignId, claimed } = await claimedWorld(client)
    const recall = await result(supervisor, campaignId, { name: 'No contesta', action: 'recall' })
    await gestion(ana, { clientId: claimed.clientId, campaignId, level1Id: recall })
    const row = await contact(claimed.id)
    assert.containsSubset(row, {
      status: 'recall',
      phone: claimed.phone,
      claimed_by: null,
      last_result: 'No contesta',
    })
    assert.containsSubset((await ana.get(`${API}/agent/state`)).body().data, {
      state: 'available',
      contact: null,
    })

    // the two new contacts come first, the recalled one last
    const order: number[] = []
    for (let index = 0; index < 3; index++) {
      const taken = (await next(ana, campaignId))!
      order.push(taken.id)
      await ana.post(`${API}/contacts/${taken.id}/no-answer`)
    }
    assert.equal(order[2], claimed.id)
  })

  test('Rellamar alternativo puts it back on the next alternate phone', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaignId, claimed } = await claimedWorld(client)
    const now = toSqlDateTime(DateTime.utc())
    await db.table('client_phones').insert({
      client_id: claimed.clientId,
      e164: phone(500),
      is_primary: 0,
      verified: 0,
      created_at: now,
    })
    const alternate = await result(supervisor, campaignId, {
      name: 'Equivocado',
      action: 'recall_alternate',
    })
    await gestion(ana, { clientId: claimed.clientId, campaignId, level1Id: alternate })
    assert.containsSubset(await contact(claimed.id), { status: 'recall', phone: phone(500) })
  })

  test('No volver a llamar adds the number to do-not-call, and it is never handed out again', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, beto, campaignId, claimed } = await claimedWorld(client, 1)
    const never = await result(supervisor, campaignId, {
      name: 'No llamar más',
      action: 'do_not_call',
    })
    await gestion(ana, { clientId: claimed.clientId, campaignId, level1Id: never })
    assert.equal((await contact(claimed.id)).status, 'dnc')
    const listed = await supervisor.get('/api/r/dialer_dnc')
    assert.containsSubset(listed.body().data, [
      { number: claimed.phone, is_prefix: false, campaign_id: null },
    ])
    // even put back by hand, the number is not dialed
    await db.from('dialer_contacts').where('id', claimed.id).update({ status: 'new' })
    assert.isNull(await next(beto, campaignId))
  })

  test('a scheduled callback becomes due in the hopper at its time, before new contacts', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaignId, claimed } = await claimedWorld(client)
    const contacted = await result(supervisor, campaignId, {
      name: 'Contactado',
      action: 'no_action',
    })
    const later = await supervisor
      .post(`${TIP}/results`)
      .json({ parentId: contacted, name: 'Llamar luego', allowsScheduling: true })
    later.assertStatus(201)
    const callbackAt = DateTime.utc().plus({ hours: 1 }).startOf('minute')
    await gestion(ana, {
      clientId: claimed.clientId,
      campaignId,
      level1Id: contacted,
      level2Id: later.body().data[0].id,
      callbackAt: callbackAt.toISO(),
      alternatePhone: phone(600),
    })
    const row = await contact(claimed.id)
    assert.equal(row.status, 'callback')
    assert.equal(row.phone, phone(600))
    // due: it is handed out before the remaining new contacts
    await db
      .from('dialer_contacts')
      .where('id', claimed.id)
      .update({ next_at: toSqlDateTime(DateTime.utc().minus({ minutes: 1 })) })
    await db.from('dialer_hopper').delete()
    const taken = (await next(ana, campaignId))!
    assert.equal(taken.id, claimed.id)
    assert.equal(taken.phone, phone(600))
  })

  test("Sin acción ends the contact; a result that deletes earlier events drops the client's other pending contacts", async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaignId, claimed } = await claimedWorld(client)
    const second = await buildList(supervisor, campaignId, null, 'Segunda')
    const other = await db
      .from('dialer_contacts')
      .where({ list_id: second.id, client_id: claimed.clientId })
      .first()
    const clear = await result(supervisor, campaignId, {
      name: 'Venta',
      action: 'no_action',
      deleteScheduled: true,
    })
    await gestion(ana, { clientId: claimed.clientId, campaignId, level1Id: clear })
    assert.equal((await contact(claimed.id)).status, 'done')
    assert.containsSubset(await contact(other.id), {
      status: 'done',
      last_result: 'removed by result',
    })
    const untouched = await db
      .from('dialer_contacts')
      .where('list_id', second.id)
      .whereNot('client_id', claimed.clientId)
    assert.isTrue(untouched.every((row) => row.status === 'new'))
  })

  test('a callback kept "Para mí" is handed to its agent only', async ({ client, assert }) => {
    const { supervisor, ana, beto, campaignId, claimed } = await claimedWorld(client, 1)
    const contacted = await result(supervisor, campaignId, { name: 'Contactado' })
    const later = await supervisor
      .post(`${TIP}/results`)
      .json({ parentId: contacted, name: 'Llamar luego', allowsScheduling: true })
    later.assertStatus(201)
    await gestion(ana, {
      clientId: claimed.clientId,
      campaignId,
      level1Id: contacted,
      level2Id: later.body().data[0].id,
      callbackAt: DateTime.utc().plus({ hours: 1 }).toISO(),
      forMe: true,
    })
    assert.equal((await contact(claimed.id)).reserved_for, ana.user.id)
    await db
      .from('dialer_contacts')
      .where('id', claimed.id)
      .update({ next_at: toSqlDateTime(DateTime.utc().minus({ minutes: 1 })) })
    assert.isNull(await next(beto, campaignId))
    const mine = await next(ana, campaignId)
    assert.equal(mine!.id, claimed.id)
  })

  test("a gestión about another client leaves the agent's held contact, and another agent's, alone", async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, beto, campaignId, claimed, clients } = await claimedWorld(client, 2)
    const betos = (await next(beto, campaignId))!
    const recall = await result(supervisor, campaignId, { name: 'No contesta', action: 'recall' })
    // ana, holding her contact, records a gestión about beto's client (e.g. it called in)
    await db.from('clients').where('id', betos.clientId).update({ assigned_user_id: ana.user.id })
    assert.include(clients, betos.clientId)
    await gestion(ana, { clientId: betos.clientId, campaignId, level1Id: recall })
    assert.containsSubset(await contact(betos.id), { status: 'claimed', claimed_by: beto.user.id })
    assert.containsSubset(await contact(claimed.id), { status: 'claimed', claimed_by: ana.user.id })
    assert.containsSubset((await ana.get(`${API}/agent/state`)).body().data, {
      state: 'in_call',
      contact: { id: claimed.id },
    })
  })

  test('a callback scheduled for a client with no contact in the campaign gets one in its active list, due at that time', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 1, 0, { assigned_user_id: ana.user.id })
    const list = await buildList(supervisor, campaignId)
    // a client that joined the campaign after the list was built
    const [late] = await clientsOf(campaignId, 1, 50, { assigned_user_id: ana.user.id })
    const contacted = await result(supervisor, campaignId, {
      name: 'Contactado',
      action: 'no_action',
    })
    const later = await supervisor
      .post(`${TIP}/results`)
      .json({ parentId: contacted, name: 'Llamar luego', allowsScheduling: true })
    later.assertStatus(201)
    const callbackAt = DateTime.utc().plus({ hours: 1 }).startOf('minute')
    await gestion(ana, {
      clientId: late,
      campaignId,
      level1Id: contacted,
      level2Id: later.body().data[0].id,
      callbackAt: callbackAt.toISO(),
    })
    const rows = await db
      .from('dialer_contacts')
      .where({ client_id: late, campaign_id: campaignId })
    assert.lengthOf(rows, 1)
    assert.containsSubset(rows[0], { list_id: list.id, status: 'callback', phone: phone(50) })
    const due = await db
      .from('dialer_contacts')
      .where({ id: rows[0].id, next_at: toSqlDateTime(callbackAt) })
      .first()
    assert.exists(due, 'due at the callback time')
    // due: it reaches the hopper and is handed out first
    await db
      .from('dialer_contacts')
      .where('id', rows[0].id)
      .update({ next_at: toSqlDateTime(DateTime.utc().minus({ minutes: 1 })) })
    await db.from('dialer_hopper').delete()
    const taken = (await next(ana, campaignId))!
    assert.equal(taken.clientId, late)
  })
})

import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { toSqlDateTime, withLock } from '#sdk'
import { refillHoppers } from '../backend/jobs.ts'
import { HopperRefill } from '../backend/hopper.ts'
import { HopperClaim } from '../backend/hopper_claim.ts'
import { signIn } from '#sdk/testing'
import {
  API,
  buildList,
  campaign,
  clientsOf,
  contact,
  dialerGroup,
  dialerWorld,
  next,
  phone,
  setClock,
} from './helpers.ts'

test.group('dialer: the hopper and the claim (D4)', (group) => {
  dialerGroup(group)

  test('order: due callbacks first, then new contacts, then recalls (oldest put back first)', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    const [c1, c2, c3, c4, c5] = await clientsOf(campaignId, 5)
    const list = await buildList(supervisor, campaignId)
    const byClient = async (clientId: number) =>
      (await db.from('dialer_contacts').where({ list_id: list.id, client_id: clientId }).first()).id
    const past = (minutes: number) => toSqlDateTime(DateTime.utc().minus({ minutes }))
    await db
      .from('dialer_contacts')
      .where('id', await byClient(c1))
      .update({ status: 'recall', next_at: past(5), attempts: 1 })
    await db
      .from('dialer_contacts')
      .where('id', await byClient(c2))
      .update({ status: 'recall', next_at: past(50), attempts: 1 })
    await db
      .from('dialer_contacts')
      .where('id', await byClient(c3))
      .update({ status: 'callback', next_at: past(1), attempts: 1 })
    // a callback not due yet stays out
    await db
      .from('dialer_contacts')
      .where('id', await byClient(c4))
      .update({
        status: 'callback',
        next_at: toSqlDateTime(DateTime.utc().plus({ hours: 2 })),
        attempts: 1,
      })

    const order: number[] = []
    for (;;) {
      const claimed = await next(ana, campaignId)
      if (!claimed) break
      order.push(claimed.clientId)
      ;(await ana.post(`${API}/contacts/${claimed.id}/no-answer`)).assertStatus(200)
    }
    assert.deepEqual(order, [c3, c5, c2, c1])
  })

  test('do-not-call numbers and prefixes, global or of the campaign, are never handed out', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    const other = await campaign([])
    await clientsOf(campaignId, 6)
    const list = await buildList(supervisor, campaignId)
    const dnc = async (body: Record<string, unknown>) =>
      (await supervisor.post('/api/r/dialer_dnc').json(body)).assertStatus(201)
    await dnc({ number: phone(0) }) // global number
    await dnc({ number: phone(1), is_prefix: true, campaign_id: campaignId }) // campaign prefix
    await dnc({ number: phone(2), campaign_id: other }) // another campaign's: does not bind this one

    const handed: string[] = []
    for (;;) {
      const claimed = await next(ana, campaignId)
      if (!claimed) break
      handed.push(claimed.phone)
      await ana.post(`${API}/contacts/${claimed.id}/no-answer`)
    }
    assert.notInclude(handed, phone(0))
    assert.notInclude(handed, phone(1))
    assert.include(handed, phone(2))
    const lists = await supervisor.get(`${API}/lists`).qs({ campaignId })
    const counts = lists.body().data.find((row: { id: number }) => row.id === list.id).counts
    assert.isAtLeast(counts.dnc, 1)
    assert.equal(counts.dnc + counts.recall + counts.done, 6)
  })

  test('a number put on do-not-call after it was queued is still never dialed', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 2)
    await buildList(supervisor, campaignId)
    const first = await next(ana, campaignId) // fills the hopper with both
    await ana.post(`${API}/contacts/${first!.id}/no-answer`)
    ;(await supervisor.post('/api/r/dialer_dnc').json({ number: phone(1) })).assertStatus(201)
    assert.equal(first!.phone, phone(0))
    assert.isNull(await next(ana, campaignId))
    const blocked = await db.from('dialer_contacts').where('phone', phone(1)).first()
    assert.equal(blocked.status, 'dnc')
  })

  test("prefixes put on do-not-call after the contacts were queued block them at the claim, global or of the campaign; another campaign's do not", async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    const other = await campaign([])
    for (const index of [0, 10, 20, 30]) await clientsOf(campaignId, 1, index)
    await buildList(supervisor, campaignId)
    const first = await next(ana, campaignId) // fills the hopper with all four
    await ana.post(`${API}/contacts/${first!.id}/no-answer`)
    const dnc = async (body: Record<string, unknown>) =>
      (await supervisor.post('/api/r/dialer_dnc').json(body)).assertStatus(201)
    const prefixOf = (index: number) => phone(index).slice(0, -1)
    await dnc({ number: prefixOf(10), is_prefix: true })
    await dnc({ number: prefixOf(20), is_prefix: true, campaign_id: campaignId })
    await dnc({ number: prefixOf(30), is_prefix: true, campaign_id: other })

    const handed: string[] = [first!.phone]
    for (;;) {
      const claimed = await next(ana, campaignId)
      if (!claimed) break
      handed.push(claimed.phone)
      await ana.post(`${API}/contacts/${claimed.id}/no-answer`)
    }
    assert.deepEqual(handed, [phone(0), phone(30)])
    for (const index of [10, 20]) {
      const blocked = await db.from('dialer_contacts').where('phone', phone(index)).first()
      assert.equal(blocked.status, 'dnc')
    }
  })

  test("calling hours follow the client's local time from the phone's country", async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 1) // Colombia, UTC-5
    await buildList(supervisor, campaignId)
    setClock(DateTime.fromISO('2026-06-01T03:00:00Z')) // 22:00 in Bogotá
    assert.isNull(await next(ana, campaignId))
    ;(
      await supervisor
        .post('/api/r/dialer_settings')
        .json({ campaign_id: campaignId, call_start: '07:00', call_end: '23:00' })
    ).assertStatus(201)
    assert.isNotNull(await next(ana, campaignId))
  })

  test('calling-hours settings refuse a malformed time, naming the field', async ({ client }) => {
    const { supervisor, campaignId } = await dialerWorld(client)
    const bad = await supervisor
      .post('/api/r/dialer_settings')
      .json({ campaign_id: campaignId, call_start: '8am' })
    bad.assertStatus(422)
    bad.assertBodyContains({ error: { fields: [{ field: 'call_start' }] } })
  })

  test('a contact reaches its maximum attempts and is done', async ({ client, assert }) => {
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 1)
    await buildList(supervisor, campaignId)
    ;(
      await supervisor
        .post('/api/r/dialer_settings')
        .json({ campaign_id: campaignId, max_attempts: 2, recycle_hours: 0 })
    ).assertStatus(201)
    const first = await next(ana, campaignId)
    await ana.post(`${API}/contacts/${first!.id}/no-answer`)
    assert.equal((await contact(first!.id)).status, 'recall')
    const second = await next(ana, campaignId) // recycled at once (0 h)
    assert.equal(second!.id, first!.id)
    await ana.post(`${API}/contacts/${first!.id}/no-answer`)
    assert.equal((await contact(first!.id)).status, 'done')
    assert.isNull(await next(ana, campaignId))
  })

  test('an agent holding a contact gets it again; a paused agent gets none; an outsider is refused', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 3)
    await buildList(supervisor, campaignId)
    const first = await next(ana, campaignId)
    const again = await ana.post(`${API}/campaigns/${campaignId}/next`)
    assert.equal(again.body().data.id, first!.id)
    assert.isTrue(again.body().data.resumed)

    const state = await ana.get(`${API}/agent/state`)
    assert.containsSubset(state.body().data, { state: 'in_call', contact: { id: first!.id } })
    ;(await ana.post(`${API}/agent/state`).json({ state: 'available' })).assertStatus(409)
    const paused = await ana.post(`${API}/agent/state`).json({ state: 'paused' })
    paused.assertStatus(422)
    paused.assertBodyContains({ error: { fields: [{ field: 'reason' }] } })
    ;(await ana.post(`${API}/agent/state`).json({ state: 'paused', reason: 'Baño' })).assertStatus(
      200
    )
    ;(await ana.post(`${API}/campaigns/${campaignId}/next`)).assertStatus(409)

    const outsider = await signIn(client, 'agent')
    ;(await outsider.post(`${API}/campaigns/${campaignId}/next`)).assertStatus(403)
  })

  test('a claim whose agent vanished returns to the hopper after the timeout, once', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, beto, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 1)
    await buildList(supervisor, campaignId)
    const claimed = await next(ana, campaignId)
    assert.isNull(await next(beto, campaignId))
    const stale = toSqlDateTime(DateTime.utc().minus({ minutes: 16 }))
    await db.from('dialer_contacts').where('id', claimed!.id).update({ claimed_at: stale })

    const back = await next(beto, campaignId)
    assert.equal(back!.id, claimed!.id)
    const row = await contact(claimed!.id)
    assert.equal(row.claimed_by, beto.user.id)
    assert.isNotNull(row.returned_at)
    assert.containsSubset((await ana.get(`${API}/agent/state`)).body().data, {
      state: 'available',
      contact: null,
    })
    const released = await db.from('audit_logs').where('action', 'dialer.claims-released')
    assert.lengthOf(released, 1)

    // beto vanishes too: a second timeout ends the contact instead of bouncing it again
    await db.from('dialer_contacts').where('id', claimed!.id).update({ claimed_at: stale })
    const carla = await signIn(client, 'supervisor')
    assert.isNull(await next(carla, campaignId))
    assert.equal((await contact(claimed!.id)).status, 'done')
  })

  test('agents finding the hopper empty together wait for one refill instead of each filling it again', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agents = []
    for (let index = 0; index < 5; index++) agents.push(await signIn(client, 'agent'))
    const campaignId = await campaign(agents.map((agent) => agent.user.id))
    await clientsOf(campaignId, agents.length)
    await buildList(supervisor, campaignId) // the hopper stays empty: no job runs in tests
    // the first refill is held until every agent has found the hopper empty
    let release!: () => void
    const everyoneWaits = new Promise<void>((resolve) => (release = resolve))
    let empties = 0
    let fills = 0
    const { attempt } = HopperClaim
    const { fill } = HopperRefill
    HopperClaim.attempt = async (...args) => {
      const outcome = await attempt(...args)
      if (outcome === 'empty' && ++empties === agents.length) release()
      return outcome
    }
    HopperRefill.fill = async (id) => {
      fills++
      await everyoneWaits
      return fill(id)
    }
    try {
      const claimed = await Promise.all(agents.map((agent) => next(agent, campaignId)))
      assert.equal(fills, 1)
      assert.equal(new Set(claimed.map((row) => row!.id)).size, agents.length)
    } finally {
      HopperClaim.attempt = attempt
      HopperRefill.fill = fill
    }
  })

  test('the background refill fills each hopper under its lock: a campaign being filled elsewhere is skipped', async ({
    client,
    assert,
  }) => {
    const { supervisor, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 4)
    await buildList(supervisor, campaignId)
    const run = (payload: { campaignId?: number }) =>
      refillHoppers.handler({
        payload,
        runId: 0,
        userId: null,
        attempt: 1,
        progress: async () => {},
      })

    // another node holds the campaign's lock: this one leaves it alone
    const busy = await withLock(HopperRefill.lockKey(campaignId), () => run({}))
    assert.deepEqual(busy, { [campaignId]: 'busy' })
    assert.lengthOf(await db.from('dialer_hopper'), 0)

    const filled = await run({})
    assert.deepEqual(filled, { [campaignId]: { queued: 4, blocked: 0, returned: 0 } })
    const again = await run({ campaignId })
    assert.deepEqual(again, { [campaignId]: { queued: 0, blocked: 0, returned: 0 } })
    const queued = await db.from('dialer_hopper').orderBy('id').select('priority')
    assert.deepEqual(
      queued.map((row) => Number(row.priority)),
      [1, 1, 1, 1]
    )
  })
})

test.group('dialer: supervisors see the floor', (group) => {
  dialerGroup(group)

  test("hopper depth and agents' states for supervisors; agents see only their campaigns", async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    const elsewhere = await campaign([])
    await clientsOf(campaignId, 3)
    await buildList(supervisor, campaignId)
    const claimed = await next(ana, campaignId)
    const depth = await supervisor.get(`${API}/campaigns/${campaignId}/hopper`)
    depth.assertStatus(200)
    assert.equal(depth.body().data.depth, 2)
    const lists = await supervisor.get(`${API}/lists`)
    assert.equal(lists.body().data[0].hopperDepth, 2)
    const agents = await supervisor.get(`${API}/agents`)
    assert.containsSubset(agents.body().data, [
      { userId: ana.user.id, state: 'in_call', contactId: claimed!.id },
    ])
    ;(await ana.get(`${API}/agents`)).assertStatus(403)
    ;(await ana.get(`${API}/campaigns/${campaignId}/hopper`)).assertStatus(403)
    const offered = await ana.get(`${API}/campaigns`)
    assert.deepEqual(
      offered.body().data.map((row: { id: number }) => row.id),
      [campaignId]
    )
    assert.notEqual(elsewhere, campaignId)
  })
})

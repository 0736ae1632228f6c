import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import transmit from '@adonisjs/transmit/services/main'
import { DateTime } from 'luxon'
import { toSqlDateTime, withLock } from '#sdk'
import { pacingLoops } from '../backend/pacing_loop.ts'
import { resetTelephony } from '../backend/telephony/index.ts'
import { API, buildList, clientsOf, dialerGroup, dialerWorld, type Session } from './helpers.ts'

/** The simulated platform, fast and deterministic: `answerRate` 1 answers every call. */
const SIMULATED = {
  DIALER_TELEPHONY: 'simulated',
  DIALER_SIM_ANSWER_RATE: '1',
  DIALER_SIM_MACHINE_RATE: '0',
  DIALER_SIM_BUSY_RATE: '0',
  DIALER_SIM_DELAY_MS: '5',
  DIALER_PACER_TICK_MS: '20',
}

async function useSimulated(overrides: Record<string, string> = {}) {
  await resetTelephony()
  Object.assign(process.env, SIMULATED, overrides)
}

/** The campaign's rules: open all day, dialing in `mode`. */
async function dialMode(campaignId: number, mode: string, extra: Record<string, unknown> = {}) {
  await db.table('dialer_settings').insert({
    campaign_id: campaignId,
    call_start: '00:00',
    call_end: '23:59',
    dial_mode: mode,
    created_at: '2026-01-01 00:00:00',
    ...extra,
  })
}

async function ready(agent: Session, campaignId: number) {
  const response = await agent.post(`${API}/campaigns/${campaignId}/ready`)
  response.assertStatus(200)
  return response.body().data
}

/** Waits (a few seconds at most) until `check` holds; the pacer works in the background. */
async function eventually<T>(check: () => Promise<T | null | false | undefined>) {
  for (let tries = 0; tries < 200; tries++) {
    const value = await check()
    if (value) return value
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('the dialer never got there')
}

/** Everything broadcast while the test runs: channel and message. */
function captureBroadcasts() {
  const heard: Array<{ channel: string; message: any }> = []
  const original = transmit.broadcast.bind(transmit)
  transmit.broadcast = ((channel: string, message: any) => {
    heard.push({ channel, message })
    return original(channel, message)
  }) as typeof transmit.broadcast
  return { heard, restore: () => (transmit.broadcast = original) }
}

test.group('dialer: progressive, ratio and adaptive dialing wired to telephony', (group) => {
  dialerGroup(group)
  group.each.setup(() => {
    const saved = { ...process.env }
    return async () => {
      await pacingLoops.drain()
      await resetTelephony()
      for (const name of Object.keys(SIMULATED)) delete process.env[name]
      Object.assign(process.env, saved)
    }
  })

  test('progressive: each ready agent gets an answered call of a different client, claimed as "Siguiente contacto" would, in the client log, screen-popped', async ({
    client,
    assert,
  }) => {
    await useSimulated()
    const { supervisor, ana, beto, campaignId } = await dialerWorld(client)
    await dialMode(campaignId, 'progressive')
    await clientsOf(campaignId, 5)
    await buildList(supervisor, campaignId)
    const broadcasts = captureBroadcasts()
    try {
      await ready(ana, campaignId)
      await ready(beto, campaignId)
      const states = await eventually(async () => {
        const rows = await db
          .from('dialer_agent_states')
          .whereIn('user_id', [ana.user.id, beto.user.id])
          .where('state', 'in_call')
        return rows.length === 2 && rows
      })
      const contactIds = states.map((row) => Number(row.contact_id))
      assert.notEqual(contactIds[0], contactIds[1])
      const contacts = await db.from('dialer_contacts').whereIn('id', contactIds)
      assert.notEqual(contacts[0].client_id, contacts[1].client_id)
      for (const state of states) {
        const held = contacts.find((row) => Number(row.id) === Number(state.contact_id))!
        assert.containsSubset(held, { status: 'claimed', claimed_by: state.user_id, attempts: 1 })
        assert.equal(Number(state.campaign_id), campaignId)
      }
      // the agent's console sees its contact, as after a manual claim
      const anaState = (await ana.get(`${API}/agent/state`)).body().data
      assert.equal(anaState.state, 'in_call')
      assert.include(contactIds, anaState.contact.id)
      // progressive: one call per free agent, no more; the rest wait in the lists
      await new Promise((resolve) => setTimeout(resolve, 200))
      const dialed = await db.from('dialer_calls').where('campaign_id', campaignId)
      assert.lengthOf(dialed, 2)
      assert.sameMembers(
        dialed.map((row) => row.state),
        ['connected', 'connected']
      )
      const untouched = await db
        .from('dialer_contacts')
        .where({ campaign_id: campaignId, status: 'new' })
      assert.lengthOf(untouched, 3)
      // the call is in each client's log and interactions
      for (const held of contacts) {
        const calls = await db
          .from('client_interactions')
          .where({ client_id: held.client_id, source: 'call' })
        assert.lengthOf(calls, 1)
        const claims = await db
          .from('audit_logs')
          .where({ action: 'dialer.claim', record_id: String(held.id) })
        assert.lengthOf(claims, 1)
      }
      // the screen-pop went to each agent, naming its own client
      for (const state of states) {
        const pops = broadcasts.heard.filter(
          (event) =>
            event.channel === `users/${state.user_id}` && event.message.type === 'dialer.screen-pop'
        )
        assert.lengthOf(pops, 1)
        const held = contacts.find((row) => Number(row.id) === Number(state.contact_id))!
        assert.equal(pops[0].message.payload.clientId, Number(held.client_id))
        assert.isNumber(pops[0].message.payload.answeredAt)
      }
      // the wallboard counts them
      const board = (await supervisor.get(`${API}/wallboard`)).body().data
      const mine = board.find((row: any) => row.campaignId === campaignId)
      assert.containsSubset(mine, {
        mode: 'progressive',
        agents: { in_call: 2, available: 0 },
        calls: { connected: 2, dialing: 0 },
        abandonRate: 0,
      })
      assert.equal(mine.contacts.claimed, 2)
    } finally {
      broadcasts.restore()
    }
  })

  test('ratio: answered calls beyond the free agents are abandoned, counted on the wallboard, and the contacts go back first among the recalls; nothing is lost', async ({
    client,
    assert,
  }) => {
    await useSimulated()
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    await dialMode(campaignId, 'ratio', { dial_level: 3, max_dial_level: 3 })
    await clientsOf(campaignId, 6)
    await buildList(supervisor, campaignId)
    await ready(ana, campaignId)
    await eventually(async () => {
      const ended = await db.from('dialer_calls').where({ campaign_id: campaignId })
      return ended.length === 3 && ended.every((row) => row.state !== 'dialing') && ended
    })
    await pacingLoops.drain()
    const calls = await db.from('dialer_calls').where('campaign_id', campaignId)
    assert.lengthOf(calls, 3)
    assert.sameMembers(
      calls.map((row) => row.outcome ?? row.state),
      ['connected', 'abandoned', 'abandoned']
    )
    const contacts = await db.from('dialer_contacts').where('campaign_id', campaignId)
    const byStatus = (status: string) => contacts.filter((row) => row.status === status)
    assert.lengthOf(byStatus('claimed'), 1)
    assert.equal(byStatus('claimed')[0].claimed_by, ana.user.id)
    assert.lengthOf(byStatus('recall'), 2)
    assert.lengthOf(byStatus('new'), 3)
    // no contact left claimed by nobody: each dialed one was settled
    assert.lengthOf(
      contacts.filter((row) => row.status === 'claimed' && row.claimed_by === null),
      0
    )
    const board = (await supervisor.get(`${API}/wallboard`)).body().data
    const mine = board.find((row: any) => row.campaignId === campaignId)
    assert.containsSubset(mine, { answered: 3, abandoned: 2 })
    assert.closeTo(mine.abandonRate, 0.667, 0.001)
  })

  test('no answer and busy go back to the hopper after the recycle hours; nobody is put in a call', async ({
    client,
    assert,
  }) => {
    await useSimulated({ DIALER_SIM_ANSWER_RATE: '0', DIALER_SIM_BUSY_RATE: '0.5' })
    const { supervisor, ana, beto, campaignId } = await dialerWorld(client)
    await dialMode(campaignId, 'progressive', { recycle_hours: 2 })
    await clientsOf(campaignId, 4)
    await buildList(supervisor, campaignId)
    await ready(ana, campaignId)
    await ready(beto, campaignId)
    // progressive keeps two calls going while both agents wait: all four are tried
    await eventually(async () => {
      const tried = await db
        .from('dialer_contacts')
        .where({ campaign_id: campaignId, status: 'recall' })
      return tried.length === 4
    })
    await pacingLoops.drain()
    const contacts = await db.from('dialer_contacts').where('campaign_id', campaignId)
    for (const row of contacts) {
      assert.equal(row.attempts, 1)
      assert.match(row.last_result, /^no answer \((busy|no-answer)\)$/)
    }
    // recycled in two hours, not now
    const due = await db
      .from('dialer_contacts')
      .where({ campaign_id: campaignId, status: 'recall' })
      .where('next_at', '<=', toSqlDateTime(DateTime.utc().plus({ hours: 1 })))
    assert.lengthOf(due, 0)
    const states = await db
      .from('dialer_agent_states')
      .whereIn('user_id', [ana.user.id, beto.user.id])
    assert.sameMembers(
      states.map((row) => row.state),
      ['available', 'available']
    )
  })

  test('one node paces a campaign: while another holds its lock, this node places no call', async ({
    client,
    assert,
  }) => {
    await useSimulated()
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    await dialMode(campaignId, 'progressive')
    await clientsOf(campaignId, 2)
    await buildList(supervisor, campaignId)
    await withLock(`dialer:pacer:${campaignId}`, async () => {
      await ready(ana, campaignId)
      await new Promise((resolve) => setTimeout(resolve, 300))
      assert.lengthOf(await db.from('dialer_calls').where('campaign_id', campaignId), 0)
      assert.notInclude(pacingLoops.campaigns(), campaignId)
    })
    // the lock is free: the next start paces here
    const response = await ana.post(`${API}/agent/state`).json({ state: 'available' })
    response.assertStatus(200)
    await eventually(async () => {
      const row = await db.from('dialer_agent_states').where('user_id', ana.user.id).first()
      return row.state === 'in_call'
    })
    assert.lengthOf(await db.from('dialer_calls').where('campaign_id', campaignId), 1)
  })

  test('preview campaigns are not paced; an agent not in the campaign cannot wait for its calls', async ({
    client,
    assert,
  }) => {
    await useSimulated()
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    await dialMode(campaignId, 'preview')
    await clientsOf(campaignId, 2)
    await buildList(supervisor, campaignId)
    await ready(ana, campaignId)
    assert.notInclude(pacingLoops.campaigns(), campaignId)
    const outsider = await dialerWorld(client)
    const refused = await outsider.ana.post(`${API}/campaigns/${campaignId}/ready`)
    refused.assertStatus(403)
    assert.equal(refused.body().error.code, 'NOT_IN_CAMPAIGN')
  })

  test("the gestión ends the agent's call; free again, the agent is put through to the next client", async ({
    client,
    assert,
  }) => {
    await useSimulated()
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    await dialMode(campaignId, 'progressive')
    await clientsOf(campaignId, 3)
    await buildList(supervisor, campaignId)
    const made = await supervisor
      .post('/api/p/tipificaciones/results')
      .json({ campaignIds: [campaignId], name: 'No volver a llamar', action: 'do_not_call' })
    made.assertStatus(201)
    await ready(ana, campaignId)
    const first = await eventually(async () => {
      const row = await db.from('dialer_agent_states').where('user_id', ana.user.id).first()
      return row.state === 'in_call' && Number(row.contact_id)
    })
    const held = await db.from('dialer_contacts').where('id', first).first()
    const recorded = await ana.post('/api/p/tipificaciones/gestiones').json({
      clientId: held.client_id,
      campaignId,
      level1Id: made.body().data[0].id,
    })
    recorded.assertStatus(201)
    const [call] = await db.from('dialer_calls').where('contact_id', first)
    assert.containsSubset(call, { state: 'ended', outcome: 'connected' })
    const second = await eventually(async () => {
      const row = await db.from('dialer_agent_states').where('user_id', ana.user.id).first()
      return row.state === 'in_call' && Number(row.contact_id) !== first && Number(row.contact_id)
    })
    const next = await db.from('dialer_contacts').where('id', second).first()
    assert.notEqual(next.client_id, held.client_id)
    assert.equal((await db.from('dialer_contacts').where('id', first).first()).status, 'dnc')
  })

  test('a supervisor sets the dialing mode in the campaign rules; an unknown mode is refused naming the field; agents may not', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    const bad = await supervisor
      .post('/api/r/dialer_settings')
      .json({ campaign_id: campaignId, dial_mode: 'turbo' })
    bad.assertStatus(422)
    assert.equal(bad.body().error.fields[0].field, 'dial_mode')
    const made = await supervisor
      .post('/api/r/dialer_settings')
      .json({ campaign_id: campaignId, dial_mode: 'ratio', dial_level: 2, max_dial_level: 2.5 })
    made.assertStatus(201)
    const campaigns = (await ana.get(`${API}/campaigns`)).body().data
    assert.containsSubset(campaigns, [{ id: campaignId, mode: 'ratio' }])
    const refused = await ana
      .patch(`/api/r/dialer_settings/${made.body().data.id}`)
      .json({ dial_mode: 'progressive' })
    refused.assertStatus(403)
  })
})

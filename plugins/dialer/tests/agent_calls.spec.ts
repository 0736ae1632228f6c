import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { makeClient } from '#sdk/testing'
import { agentCallsSettled } from '../backend/agent_calls.ts'
import { resetTelephony, telephony } from '../backend/telephony/index.ts'
import { API, buildList, clientsOf, contact, dialerGroup, dialerWorld, phone } from './helpers.ts'
import { fakeAriEnv, startFakeAri, type FakeAri } from './telephony_fake_ari.ts'

const SIMULATED = {
  DIALER_TELEPHONY: 'simulated',
  DIALER_SIM_MACHINE_RATE: '0',
  DIALER_SIM_BUSY_RATE: '0',
  DIALER_SIM_DELAY_MS: '5',
}

/** Waits (a few seconds at most) until `check` holds: the adapter's events come in the background. */
async function eventually<T>(check: () => Promise<T | null | false | undefined>) {
  for (let tries = 0; tries < 200; tries++) {
    const value = await check()
    if (value) return value
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('the call never got there')
}

const callRow = (callId: string) => db.from('dialer_calls').where('call_id', callId).first()
const agentRow = (userId: number) => db.from('dialer_agent_states').where('user_id', userId).first()

async function logOf(session: { get(url: string): any }, clientId: number) {
  const log = await session.get(`/api/clients/${clientId}/log`)
  log.assertStatus(200)
  return log.body().data.map((entry: { action: string }) => entry.action) as string[]
}

/** Runs the test on the adapter `env` names, then puts the environment and the adapter back. */
function onTelephony(group: { each: { setup(handler: () => unknown): unknown } }) {
  group.each.setup(() => {
    const saved = { ...process.env }
    return async () => {
      await agentCallsSettled()
      await resetTelephony()
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
      Object.assign(process.env, saved)
    }
  })
}

async function useTelephony(env: Record<string, string>) {
  await resetTelephony()
  Object.assign(process.env, env)
}

test.group('dialer: agent calls through the simulated adapter', (group) => {
  dialerGroup(group)
  onTelephony(group)

  test('click-to-call is placed on the adapter; answered, the agent is in a call; hung up, in wrap-up; all in the client log', async ({
    client,
    assert,
  }) => {
    await useTelephony({ ...SIMULATED, DIALER_SIM_ANSWER_RATE: '1' })
    const { ana, supervisor, campaignId } = await dialerWorld(client)
    const clientId = await makeClient({ assigned_user_id: ana.user.id, primary_phone: phone(11) })
    const called = await ana.post(`${API}/clients/${clientId}/call`).json({ campaignId })
    called.assertStatus(201)
    const { callId } = called.body().data
    assert.containsSubset(called.body().data, { phone: phone(11), telephony: 'simulated' })
    assert.include(telephony().liveCalls(), callId)

    const connected = await eventually(async () => {
      const row = await callRow(callId)
      return row.state === 'connected' && row
    })
    assert.containsSubset(connected, {
      origin: 'agent',
      agent_id: ana.user.id,
      client_id: clientId,
      contact_id: null,
    })
    assert.equal((await agentRow(ana.user.id)).state, 'in_call')

    // the conversation ends (the client or the agent hangs up)
    await telephony().hangup(callId)
    await eventually(async () => (await callRow(callId)).state === 'ended')
    await agentCallsSettled()
    assert.containsSubset(await callRow(callId), { outcome: 'connected' })
    assert.equal((await agentRow(ana.user.id)).state, 'wrap_up')
    const log = await logOf(supervisor, clientId)
    for (const action of ['dialer.call', 'dialer.call-answered', 'dialer.call-ended']) {
      assert.include(log, action)
    }
    const interactions = await db.from('client_interactions').where('client_id', clientId)
    assert.containsSubset(interactions, [{ source: 'call', user_id: ana.user.id }])
  })

  test('preview: Siguiente contacto dials for the agent; unanswered, the contact is recycled and the agent is free; asked again, no second call', async ({
    client,
    assert,
  }) => {
    // it rings out after three steps: slow enough for the console to ask again meanwhile
    await useTelephony({ ...SIMULATED, DIALER_SIM_ANSWER_RATE: '0', DIALER_SIM_DELAY_MS: '400' })
    const { ana, supervisor, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 2)
    await buildList(supervisor, campaignId)
    const next = await ana.post(`${API}/campaigns/${campaignId}/next`)
    next.assertStatus(200)
    const claimed = next.body().data
    assert.equal(claimed.call.telephony, 'simulated')
    const callId = claimed.call.callId as string
    assert.containsSubset(await callRow(callId), {
      contact_id: claimed.id,
      agent_id: ana.user.id,
      origin: 'agent',
    })

    // the console asks again while the call rings: the same call, not a second one
    const again = await ana.post(`${API}/campaigns/${campaignId}/next`)
    assert.equal(again.body().data.id, claimed.id)
    assert.equal(again.body().data.call.callId, callId)
    assert.lengthOf(await db.from('dialer_calls').where('contact_id', claimed.id), 1)

    // nobody answers: the simulated platform rings out
    await eventually(async () => (await callRow(callId)).state === 'ended')
    await agentCallsSettled()
    assert.containsSubset(await callRow(callId), { outcome: 'unanswered' })
    const recycled = await contact(claimed.id)
    assert.equal(recycled.status, 'recall')
    assert.equal(recycled.last_result, 'no answer')
    assert.containsSubset(await agentRow(ana.user.id), { state: 'available', contact_id: null })
    const log = await logOf(supervisor, claimed.clientId)
    assert.includeMembers(log, ['dialer.claim', 'dialer.call-ended', 'dialer.no-answer'])
  })
})

test.group('dialer: agent calls through Asterisk ARI (fake server)', (group) => {
  dialerGroup(group)
  onTelephony(group)
  let fake: FakeAri
  group.each.setup(async () => {
    fake = await startFakeAri()
    return () => fake.close()
  })

  /** the address of an ARI server that is gone: connections are refused */
  async function closedUrl() {
    const deaf = await startFakeAri()
    await deaf.close()
    return deaf.url
  }

  const ari = (overrides: Record<string, string> = {}) => fakeAriEnv(fake, overrides)

  test('click-to-call originates on Asterisk for the agent; answered, bridged and in a call; hung up, wrap-up', async ({
    client,
    assert,
  }) => {
    await useTelephony(ari())
    const { ana, supervisor, campaignId } = await dialerWorld(client)
    const clientId = await makeClient({ assigned_user_id: ana.user.id, primary_phone: phone(21) })
    const called = await ana.post(`${API}/clients/${clientId}/call`).json({ campaignId })
    called.assertStatus(201)
    const { callId } = called.body().data
    assert.equal(called.body().data.telephony, 'asterisk-ari')
    const originate = fake.received.find((request) => request.path === `/ari/channels/${callId}`)!
    assert.equal(originate.query.endpoint, `PJSIP/${phone(21)}@carrier`)
    assert.equal(originate.body.variables.TABLERO_AGENT, String(ana.user.id))

    fake.ring(callId)
    fake.answer(callId)
    await eventually(async () => (await callRow(callId)).state === 'connected')
    await eventually(async () => fake.channels.has(`${callId}-agent`))
    assert.equal((await agentRow(ana.user.id)).state, 'in_call')

    fake.hangup(callId, 16)
    await eventually(async () => (await callRow(callId)).state === 'ended')
    await agentCallsSettled()
    assert.equal((await agentRow(ana.user.id)).state, 'wrap_up')
    assert.includeMembers(await logOf(supervisor, clientId), [
      'dialer.call',
      'dialer.call-answered',
      'dialer.call-ended',
    ])
  })

  test('preview on Asterisk: a busy number recycles the contact and frees the agent', async ({
    client,
    assert,
  }) => {
    await useTelephony(ari())
    const { ana, supervisor, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 1, 30)
    await buildList(supervisor, campaignId)
    const claimed = (await ana.post(`${API}/campaigns/${campaignId}/next`)).body().data
    const callId = claimed.call.callId as string
    fake.ring(callId)
    fake.hangup(callId, 17)
    await eventually(async () => (await callRow(callId)).state === 'ended')
    await agentCallsSettled()
    assert.equal((await contact(claimed.id)).status, 'recall')
    assert.containsSubset(await agentRow(ana.user.id), { state: 'available', contact_id: null })
  })

  test('Asterisk unreachable: click-to-call is a clear 503, nothing lands in the log as placed, the row ends failed', async ({
    client,
    assert,
  }) => {
    await useTelephony(ari({ ARI_URL: await closedUrl() }))
    const { ana, campaignId } = await dialerWorld(client)
    const clientId = await makeClient({ assigned_user_id: ana.user.id, primary_phone: phone(22) })
    const called = await ana.post(`${API}/clients/${clientId}/call`).json({ campaignId })
    called.assertStatus(503)
    called.assertBodyContains({ error: { code: 'TELEPHONY_UNAVAILABLE' } })
    const rows = await db.from('dialer_calls').where('client_id', clientId)
    assert.containsSubset(rows, [{ state: 'ended', outcome: 'failed', origin: 'agent' }])
    assert.lengthOf(await db.from('client_interactions').where('client_id', clientId), 0)
  })

  test('Asterisk unreachable in preview: the agent keeps the contact and sees why the call was not placed', async ({
    client,
    assert,
  }) => {
    await useTelephony(ari({ ARI_URL: await closedUrl() }))
    const { ana, supervisor, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 1, 40)
    await buildList(supervisor, campaignId)
    const next = await ana.post(`${API}/campaigns/${campaignId}/next`)
    next.assertStatus(200)
    const claimed = next.body().data
    assert.isNull(claimed.call)
    assert.equal(claimed.callError.code, 'TELEPHONY_UNAVAILABLE')
    assert.containsSubset(await contact(claimed.id), { status: 'claimed', claimed_by: ana.user.id })
  })
})

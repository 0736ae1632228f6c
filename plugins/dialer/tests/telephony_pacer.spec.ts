import { test } from '@japa/runner'
import { TableroError } from '#sdk'
import {
  CampaignPacer,
  type AttemptOutcome,
  type ClaimedContact,
} from '../backend/telephony/campaign_pacer.ts'
import { readTelephonyConfig, type SimulatedConfig } from '../backend/telephony/config.ts'
import { SimulatedTelephony, simulatedFate } from '../backend/telephony/simulated_adapter.ts'
import type {
  AgentLeg,
  PacingSettings,
  TelephonyAdapter,
  TelephonyEvent,
} from '../backend/telephony/index.ts'

const settle = () => new Promise((resolve) => setTimeout(resolve, 2))

/**
 * A campaign run on the simulated platform: `agents` agents, the contacts
 * claimed in order, each connected call hung up `talkTicks` ticks later.
 * Returns every settlement, and whether an agent was ever given two calls.
 */
async function runCampaign(mode: PacingSettings['mode'], contacts: ClaimedContact[], agents = 4) {
  const config: SimulatedConfig = {
    ...(readTelephonyConfig({}) as SimulatedConfig),
    seed: `pacer-${mode}`,
    delayMs: 1,
  }
  const adapter = new SimulatedTelephony(config)
  const queue = [...contacts]
  const onCall = new Map<number, { callId: string; until: number }>()
  const settled = new Map<number, AttemptOutcome[]>()
  let doubleBooked = 0
  let maxInFlight = 0
  let ticks = 0
  const pacer = new CampaignPacer(
    adapter,
    {
      async freeAgents() {
        return Array.from({ length: agents }, (_, index): AgentLeg => ({
          agentId: index + 1,
          extension: `10${index + 1}`,
        })).filter((agent) => !onCall.has(agent.agentId))
      },
      async claim(count) {
        return queue.splice(0, count)
      },
      settle(contactId, outcome) {
        settled.set(contactId, [...(settled.get(contactId) ?? []), outcome])
        if (outcome.kind !== 'connected') return
        if (onCall.has(outcome.agentId)) doubleBooked++
        onCall.set(outcome.agentId, { callId: outcome.callId, until: ticks + 3 })
      },
    },
    { mode, campaignId: 7, callerId: '+5491140000000', minSample: 10 }
  )
  await adapter.start()
  while (settled.size < contacts.length && ticks < 3000) {
    ticks++
    for (const [agentId, talk] of onCall) {
      if (talk.until > ticks) continue
      await adapter.hangup(talk.callId)
      onCall.delete(agentId)
    }
    await pacer.tick()
    maxInFlight = Math.max(maxInFlight, pacer.inFlight())
    await settle()
  }
  pacer.stop()
  await adapter.stop()
  return { settled, doubleBooked, config, maxInFlight }
}

function contactsFor(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    contactId: index + 1,
    phone: `+54911555${String(100_000 + index).slice(1)}`,
  }))
}

test.group('telephony: a campaign paced on the simulated platform', () => {
  test('progressive: every claimed contact is settled exactly once, as its call went, and none is abandoned', async ({
    assert,
  }) => {
    const contacts = [
      ...contactsFor(60),
      { contactId: 901, phone: '12345' },
      { contactId: 902, phone: '+54 11 nope' },
    ]
    const { settled, doubleBooked, config, maxInFlight } = await runCampaign(
      'progressive',
      contacts
    )
    assert.isAtMost(maxInFlight, 4)
    assert.equal(settled.size, contacts.length)
    for (const [contactId, outcomes] of settled) {
      assert.lengthOf(outcomes, 1, `contact ${contactId} settled once`)
    }
    assert.deepInclude(settled.get(901)![0], { kind: 'failed', code: 'INVALID_PHONE' })
    assert.deepInclude(settled.get(902)![0], { kind: 'failed', code: 'INVALID_PHONE' })
    const kinds: Record<string, number> = {}
    for (const [contactId, [outcome]] of settled) {
      kinds[outcome.kind] = (kinds[outcome.kind] ?? 0) + 1
      if (contactId > 900 || outcome.kind === 'failed') continue
      const fate = simulatedFate(config, outcome.callId)
      const expected = {
        'answered': ['connected'],
        'machine': ['machine'],
        'busy': ['unanswered'],
        'no-answer': ['unanswered'],
      }[fate]
      assert.include(expected, outcome.kind, `contact ${contactId}: ${fate}`)
      if (outcome.kind === 'unanswered') assert.equal(outcome.cause, fate)
    }
    assert.isUndefined(kinds.abandoned, 'progressive never abandons')
    assert.isAbove(kinds.connected, 5)
    assert.equal(doubleBooked, 0)
  }).timeout(60_000)

  test('adaptive: more calls than agents, still one settlement per contact and no agent given two calls', async ({
    assert,
  }) => {
    const contacts = contactsFor(80)
    const { settled, doubleBooked, maxInFlight } = await runCampaign('adaptive', contacts)
    assert.isAbove(maxInFlight, 4, 'it dialed ahead of its 4 agents')
    assert.equal(settled.size, contacts.length)
    for (const outcomes of settled.values()) assert.lengthOf(outcomes, 1)
    assert.equal(doubleBooked, 0)
  }).timeout(60_000)
})

/** An adapter the test drives by hand: `fail` makes the next originate throw. */
function handAdapter() {
  const listeners = new Set<(event: TelephonyEvent) => void>()
  const state = {
    down: false,
    fail: undefined as TableroError | undefined,
    placed: [] as string[],
  }
  const adapter: TelephonyAdapter = {
    kind: 'simulated',
    async start() {},
    async originate(request) {
      state.placed.push(request.correlationId)
      if (state.fail) throw state.fail
      return { callId: request.correlationId, correlationId: request.correlationId }
    },
    async bridge() {},
    async hangup() {},
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    liveCalls: () => [],
    connection: () =>
      state.down
        ? { type: 'connection', state: 'down', attempt: 1, delayMs: 500, reason: 'closed' }
        : { type: 'connection', state: 'up', reconciled: 0 },
    async stop() {},
  }
  const emit = (event: TelephonyEvent) => listeners.forEach((listener) => listener(event))
  return { adapter, state, emit }
}

function handPorts() {
  const settled: Array<[number, AttemptOutcome]> = []
  let claimed = 0
  return {
    settled,
    claimed: () => claimed,
    ports: {
      freeAgents: async () => [{ agentId: 1, extension: '101' }],
      claim: async (count: number) => {
        claimed += count
        return Array.from({ length: count }, (_, index) => ({
          contactId: claimed - count + index + 1,
          phone: '+5491155550101',
        }))
      },
      settle: (contactId: number, outcome: AttemptOutcome) => {
        settled.push([contactId, outcome])
      },
    },
  }
}

test.group('telephony: the pacer under platform faults', () => {
  const settings = { mode: 'progressive' as const, campaignId: 1, callerId: '+5491140000000' }

  test('while the platform is down no contact is claimed and no call placed', async ({
    assert,
  }) => {
    const hand = handAdapter()
    const dialer = handPorts()
    hand.state.down = true
    const pacer = new CampaignPacer(hand.adapter, dialer.ports, settings)
    const decision = await pacer.tick()
    assert.equal(decision.calls, 0)
    assert.match(decision.reason, /telephony down/)
    assert.equal(dialer.claimed(), 0)
    assert.deepEqual(hand.state.placed, [])
  })

  test('a call Asterisk never got settles its contact as failed, to be dialed again', async ({
    assert,
  }) => {
    const hand = handAdapter()
    const dialer = handPorts()
    hand.state.fail = new TableroError(
      'TELEPHONY_UNAVAILABLE',
      'Asterisk (ARI) did not answer',
      503
    )
    const pacer = new CampaignPacer(hand.adapter, dialer.ports, settings)
    await pacer.tick()
    assert.deepEqual(dialer.settled, [
      [
        1,
        { kind: 'failed', code: 'TELEPHONY_UNAVAILABLE', message: 'Asterisk (ARI) did not answer' },
      ],
    ])
    assert.equal(pacer.inFlight(), 0)
  })

  test('an outcome the dialer could not take is handed to it again on the next tick', async ({
    assert,
  }) => {
    const hand = handAdapter()
    const dialer = handPorts()
    let refuse = true
    const ports = {
      ...dialer.ports,
      settle: (contactId: number, outcome: AttemptOutcome) => {
        if (refuse) throw new Error('database busy')
        dialer.ports.settle(contactId, outcome)
      },
    }
    const pacer = new CampaignPacer(hand.adapter, ports, settings)
    await pacer.tick()
    const [callId] = hand.state.placed
    hand.emit({ type: 'hangup', callId, correlationId: callId, cause: 'busy', causeCode: 17 })
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(pacer.unreported(), 1)
    refuse = false
    await pacer.tick()
    assert.deepEqual(dialer.settled[0], [1, { kind: 'unanswered', cause: 'busy', callId }])
    assert.equal(pacer.unreported(), 0)
  })

  test('ticks do not overlap', async ({ assert }) => {
    const hand = handAdapter()
    const dialer = handPorts()
    const pacer = new CampaignPacer(hand.adapter, dialer.ports, settings)
    const [first, second] = await Promise.all([pacer.tick(), pacer.tick()])
    assert.equal(first.calls, 1)
    assert.equal(second.calls, 0)
    assert.equal(dialer.claimed(), 1)
  })

  test('an uncertain call keeps its contact until the call is found ended', async ({ assert }) => {
    const hand = handAdapter()
    const dialer = handPorts()
    hand.state.fail = new TableroError('TELEPHONY_UNCERTAIN', 'may have been placed', 503)
    const pacer = new CampaignPacer(hand.adapter, dialer.ports, settings)
    await pacer.tick()
    assert.deepEqual(dialer.settled, [])
    assert.equal(pacer.inFlight(), 1, 'still counted as ringing: no second call for the agent')
    assert.equal((await pacer.tick()).calls, 0)
    const [callId] = hand.state.placed
    hand.emit({ type: 'hangup', callId, correlationId: callId, cause: 'lost', reconciled: true })
    assert.deepEqual(dialer.settled, [[1, { kind: 'unanswered', cause: 'lost', callId }]])
    assert.equal(pacer.inFlight(), 0)
  })
})

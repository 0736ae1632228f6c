import { test } from '@japa/runner'
import type { TableroError } from '#sdk'
import { readTelephonyConfig, type SimulatedConfig } from '../backend/telephony/config.ts'
import {
  createTelephony,
  resetTelephony,
  telephony,
  telephonyDialing,
} from '../backend/telephony/index.ts'
import { SimulatedTelephony, simulatedFate } from '../backend/telephony/simulated_adapter.ts'
import type { TelephonyEvent } from '../backend/telephony/types.ts'
import { recordEvents } from './telephony_fake_ari.ts'

const config = (overrides: Partial<SimulatedConfig> = {}): SimulatedConfig => ({
  ...(readTelephonyConfig({}) as SimulatedConfig),
  delayMs: 1,
  ...overrides,
})

const call = (id: string, to = '+5491155550101') => ({
  to,
  callerId: '+5491140000000',
  correlationId: id,
})

const ended = (callId: string) => (event: TelephonyEvent) =>
  event.type === 'hangup' && event.callId === callId

/** correlation ids whose fate under `settings` is `fate` */
function idsMeeting(fate: string, settings: SimulatedConfig, count = 1) {
  const ids: string[] = []
  for (let index = 0; ids.length < count; index++) {
    if (simulatedFate(settings, `claim-${index}`) === fate) ids.push(`claim-${index}`)
  }
  return ids
}

test.group('telephony: simulated adapter', () => {
  test('fates follow the seed and the configured rates, the same in every run', ({ assert }) => {
    const settings = config({ seed: 'demo', answerRate: 0.4, machineRate: 0.1, busyRate: 0.1 })
    const counts: Record<string, number> = {
      'answered': 0,
      'machine': 0,
      'busy': 0,
      'no-answer': 0,
    }
    for (let index = 0; index < 10_000; index++) counts[simulatedFate(settings, `c${index}`)]++
    assert.closeTo(counts.answered / 10_000, 0.4, 0.02)
    assert.closeTo(counts.machine / 10_000, 0.1, 0.02)
    assert.closeTo(counts.busy / 10_000, 0.1, 0.02)
    assert.closeTo(counts['no-answer'] / 10_000, 0.4, 0.02)
    const again = Array.from({ length: 50 }, (_, index) => simulatedFate(settings, `c${index}`))
    const first = Array.from({ length: 50 }, (_, index) => simulatedFate(settings, `c${index}`))
    assert.deepEqual(again, first)
    const otherSeed = Array.from({ length: 50 }, (_, index) =>
      simulatedFate({ ...settings, seed: 'other' }, `c${index}`)
    )
    assert.notDeepEqual(otherSeed, first)
  })

  test('each fate gives the same events the ARI adapter gives', async ({ assert }) => {
    const settings = config()
    const adapter = new SimulatedTelephony(settings)
    const record = recordEvents(adapter)
    const [answered] = idsMeeting('answered', settings)
    const [machine] = idsMeeting('machine', settings)
    const [busy] = idsMeeting('busy', settings)
    const [silent] = idsMeeting('no-answer', settings)
    for (const id of [answered, machine, busy, silent]) await adapter.originate(call(id))
    await record.until(ended(busy))
    await record.until(ended(silent))
    await record.until((event) => event.type === 'machine' && event.callId === machine)
    await record.until((event) => event.type === 'answered' && event.callId === answered)
    assert.deepEqual(record.story(answered), ['ringing', 'answered'])
    assert.deepEqual(record.story(machine), ['ringing', 'answered', 'machine'])
    assert.deepEqual(record.story(busy), ['ringing', 'hangup:busy'])
    assert.deepEqual(record.story(silent), ['ringing', 'hangup:no-answer'])
    assert.sameMembers(adapter.liveCalls(), [answered, machine])
    await adapter.stop()
  })

  test('an answered call is bridged to the agent, then hung up; bridging before the answer is refused', async ({
    assert,
  }) => {
    const settings = config()
    const adapter = new SimulatedTelephony(settings)
    const record = recordEvents(adapter)
    const [id] = idsMeeting('answered', settings)
    await adapter.originate(call(id))
    const early = await adapter.bridge(id, { agentId: 3, extension: '103' }).catch((error) => error)
    assert.equal((early as TableroError).code, 'CALL_NOT_ANSWERED')
    await record.until((event) => event.type === 'answered' && event.callId === id)
    await adapter.bridge(id, { agentId: 3, extension: '103' })
    const twice = await adapter.bridge(id, { agentId: 4, extension: '104' }).catch((error) => error)
    assert.equal((twice as TableroError).code, 'CALL_BRIDGED')
    const bridged = await record.until((event) => event.type === 'bridged' && event.callId === id)
    assert.deepInclude(bridged, { agentId: 3, correlationId: id })
    await adapter.hangup(id)
    await adapter.hangup(id) // a second hangup is harmless
    assert.deepEqual(record.story(id), ['ringing', 'answered', 'bridged', 'hangup:normal'])
    assert.deepEqual(adapter.liveCalls(), [])
    const gone = await adapter.bridge(id, { agentId: 3, extension: '103' }).catch((error) => error)
    assert.equal((gone as TableroError).code, 'UNKNOWN_CALL')
    await adapter.stop()
  })

  test('a call placed for an agent (click-to-call) is put through to that agent when answered', async ({
    assert,
  }) => {
    const settings = config()
    const adapter = new SimulatedTelephony(settings)
    const record = recordEvents(adapter)
    assert.deepEqual(adapter.connection(), { type: 'connection', state: 'idle' })
    await adapter.start()
    assert.deepInclude(adapter.connection(), { state: 'up' })
    const [id] = idsMeeting('answered', settings)
    await adapter.originate({ ...call(id), agent: { agentId: 5, extension: '105' } })
    const bridged = await record.until((event) => event.type === 'bridged' && event.callId === id)
    assert.deepInclude(bridged, { agentId: 5 })
    assert.deepEqual(record.story(id), ['ringing', 'answered', 'bridged'])
    assert.deepInclude(record.events[0], { type: 'connection', state: 'up' })
    await adapter.stop()
  })

  test("the dialer's Dialing port places the call for the agent with the campaign's caller id", async ({
    assert,
  }) => {
    const adapter = new SimulatedTelephony(config({ delayMs: 60_000 }))
    const record = recordEvents(adapter)
    const dialing = telephonyDialing(adapter, {
      callerId: async (campaignId) => (campaignId === 2 ? '+5491140000002' : '+5491140000000'),
      extension: (agentId) => `ag${agentId}`,
    })
    const first = await dialing.originate({
      phone: '+5491155550101',
      agentId: 8,
      contactId: 41,
      campaignId: 2,
    })
    const second = await dialing.originate({
      phone: '+5491155550101',
      agentId: 8,
      contactId: 41,
      campaignId: 2,
    })
    assert.match(first.callId, /^c2-k41-/)
    assert.notEqual(first.callId, second.callId, 'each attempt has its own id')
    assert.equal(first.mode, 'progressive')
    const invalid = await dialing
      .originate({ phone: '011 5555', agentId: 8, contactId: 42, campaignId: 2 })
      .catch((error) => error)
    assert.equal((invalid as TableroError).code, 'INVALID_PHONE')
    assert.sameMembers(adapter.liveCalls(), [first.callId, second.callId])
    assert.deepEqual(record.events, [], 'nothing happened yet: the first step waits delayMs')
    await adapter.stop()
  })

  test('refuses a phone that is not E.164 and a call already in progress', async ({ assert }) => {
    const adapter = new SimulatedTelephony(config({ delayMs: 1000 }))
    const invalid = await adapter.originate(call('x-1', '555-0101')).catch((error) => error)
    assert.equal((invalid as TableroError).code, 'INVALID_PHONE')
    assert.equal((invalid as TableroError).status, 422)
    const badId = await adapter.originate(call('no spaces please')).catch((error) => error)
    assert.equal((badId as TableroError).fields?.[0].field, 'correlationId')
    await adapter.originate(call('x-2'))
    const twice = await adapter.originate(call('x-2')).catch((error) => error)
    assert.equal((twice as TableroError).code, 'CALL_EXISTS')
    assert.deepEqual(adapter.liveCalls(), ['x-2'])
    await adapter.stop()
  })

  test('the environment chooses the adapter, and the process keeps one', async ({ assert }) => {
    assert.equal(createTelephony(readTelephonyConfig({ DIALER_SIM_SEED: 's' })).kind, 'simulated')
    const ari = createTelephony(
      readTelephonyConfig({
        DIALER_TELEPHONY: 'asterisk-ari',
        ARI_URL: 'http://127.0.0.1:9',
        ARI_USER: 'u',
        ARI_PASSWORD: 'p',
        ARI_APP: 'a',
      })
    )
    assert.equal(ari.kind, 'asterisk-ari')
    await ari.stop()
    await resetTelephony()
    assert.strictEqual(telephony(), telephony())
    await resetTelephony()
  })
})

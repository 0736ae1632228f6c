import { test } from '@japa/runner'
import { type TableroError } from '#sdk'
import { AriTelephony } from '../backend/telephony/ari/ari_adapter.ts'
import { readTelephonyConfig, type AriConfig } from '../backend/telephony/config.ts'
import type { TelephonyEvent } from '../backend/telephony/types.ts'
import { fakeAriEnv, recordEvents, startFakeAri, type FakeAri } from './telephony_fake_ari.ts'

function ariConfig(fake: FakeAri, overrides: Record<string, string> = {}) {
  return readTelephonyConfig(fakeAriEnv(fake, overrides)) as AriConfig
}

const call = (id: string, to = '+5491155550101') => ({
  to,
  callerId: '+5491140000000',
  correlationId: id,
})

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error as TableroError
  }
  throw new Error('expected the promise to fail')
}

const isCall = (callId: string, type: TelephonyEvent['type']) => (event: TelephonyEvent) =>
  event.type === type && event.type !== 'connection' && event.callId === callId

test.group('telephony: Asterisk ARI adapter against a fake ARI server', (group) => {
  let fake: FakeAri
  let adapter: AriTelephony
  group.each.setup(async () => {
    fake = await startFakeAri()
    adapter = new AriTelephony(ariConfig(fake))
    return async () => {
      await adapter.stop()
      await fake.close()
    }
  })

  test('originate posts the channel with its id, endpoint, app and caller id, over basic auth', async ({
    assert,
  }) => {
    await adapter.start()
    const placed = await adapter.originate({
      ...call('claim-1'),
      agent: { agentId: 7, extension: '107' },
    })
    assert.deepEqual(placed, { callId: 'claim-1', correlationId: 'claim-1' })
    const originate = fake.received.find((request) => request.method === 'POST')!
    assert.equal(originate.path, '/ari/channels/claim-1')
    assert.equal(originate.query.endpoint, 'PJSIP/+5491155550101@carrier')
    assert.equal(originate.query.app, fake.app)
    assert.equal(originate.query.callerId, '+5491140000000')
    assert.equal(originate.body.variables.TABLERO_CORRELATION_ID, 'claim-1')
    assert.equal(originate.body.variables.TABLERO_AGENT, '107')
    assert.match(originate.authorization!, /^Basic /)
    assert.deepEqual(adapter.liveCalls(), ['claim-1'])
  })

  test('ringing, answered and machine detected arrive as typed events, once each and in order', async ({
    assert,
  }) => {
    const record = recordEvents(adapter)
    await adapter.start()
    await adapter.originate(call('claim-2'))
    fake.ring('claim-2')
    await record.until(isCall('claim-2', 'ringing'))
    fake.answer('claim-2') // a state change to Up and StasisStart: one `answered`
    fake.ring('claim-2') // a late repeat changes nothing
    fake.machine('claim-2')
    await record.until(isCall('claim-2', 'machine'))
    assert.deepEqual(record.story('claim-2'), ['ringing', 'answered', 'machine'])
  })

  test('an answered call is bridged to the agent: a mixing bridge, the client leg, then the agent leg when it answers', async ({
    assert,
  }) => {
    const record = recordEvents(adapter)
    await adapter.start()
    await adapter.originate(call('claim-3'))
    const early = await errorOf(adapter.bridge('claim-3', { agentId: 9, extension: '109' }))
    assert.equal(early.code, 'CALL_NOT_ANSWERED')
    fake.answer('claim-3')
    await record.until(isCall('claim-3', 'answered'))
    await adapter.bridge('claim-3', { agentId: 9, extension: '109' })
    const twice = await errorOf(adapter.bridge('claim-3', { agentId: 10, extension: '110' }))
    assert.equal(twice.code, 'CALL_BRIDGED')
    const bridged = await record.until(isCall('claim-3', 'bridged'))
    assert.deepInclude(bridged, { agentId: 9 })
    const after = await errorOf(adapter.bridge('claim-3', { agentId: 10, extension: '110' }))
    assert.equal(after.code, 'CALL_BRIDGED')
    assert.deepEqual([...fake.bridges.get('tablero-claim-3')!].sort(), ['claim-3', 'claim-3-agent'])
    const agentLeg = fake.received.find(
      (request) => request.path === '/ari/channels/claim-3-agent'
    )!
    assert.equal(agentLeg.query.endpoint, 'PJSIP/109')
    assert.equal(agentLeg.query.appArgs, 'agent,claim-3')

    await adapter.hangup('claim-3')
    await record.until(isCall('claim-3', 'hangup'))
    assert.deepEqual(record.story('claim-3'), ['answered', 'bridged', 'hangup:normal'])
    assert.isFalse(fake.channels.has('claim-3-agent'), 'the agent leg is hung up too')
    assert.isFalse(fake.bridges.has('tablero-claim-3'), 'and the bridge destroyed')
    assert.deepEqual(adapter.liveCalls(), [])
  })

  test('a click-to-call is bridged to its agent on answer, and ends when the agent hangs up', async ({
    assert,
  }) => {
    const record = recordEvents(adapter)
    await adapter.start()
    await adapter.originate({ ...call('click-1'), agent: { agentId: 4, extension: '104' } })
    fake.ring('click-1')
    fake.answer('click-1')
    const bridged = await record.until(isCall('click-1', 'bridged'))
    assert.deepInclude(bridged, { agentId: 4 })
    assert.equal(
      fake.received.find((request) => request.path === '/ari/channels/click-1-agent')?.query
        .endpoint,
      'PJSIP/104'
    )
    fake.hangup('click-1-agent', 16)
    await record.until(isCall('click-1', 'hangup'))
    assert.deepEqual(record.story('click-1'), ['ringing', 'answered', 'bridged', 'hangup:normal'])
    assert.isFalse(fake.channels.has('click-1'))
  })

  test('hangup causes are mapped from Q.850 codes', async ({ assert }) => {
    const record = recordEvents(adapter)
    await adapter.start()
    const cases: Array<[string, number, boolean, string]> = [
      ['busy', 17, false, 'busy'],
      ['ring-out', 19, false, 'no-answer'],
      ['timeout', 0, false, 'no-answer'],
      ['refused', 21, false, 'rejected'],
      ['unallocated', 1, false, 'invalid-number'],
      ['congested', 34, false, 'congestion'],
      ['out-of-order', 27, false, 'unreachable'],
      ['talked', 16, true, 'normal'],
      ['odd', 99, false, 'failed'],
    ]
    for (const [id, cause, answer] of cases) {
      await adapter.originate(call(id))
      if (answer) fake.answer(id)
      fake.hangup(id, cause)
    }
    for (const [id, cause, , expected] of cases) {
      const ended = await record.until(isCall(id, 'hangup'))
      assert.deepInclude(ended, { cause: expected, causeCode: cause }, id)
    }
    assert.deepEqual(adapter.liveCalls(), [])
  })

  test('a phone that is not E.164 is refused with a 422 naming it, and nothing is dialed', async ({
    assert,
  }) => {
    const refused = await errorOf(adapter.originate(call('claim-4', '1155550101')))
    assert.equal(refused.code, 'INVALID_PHONE')
    assert.equal(refused.status, 422)
    assert.equal(refused.fields?.[0].field, 'to')
    const garbage = await errorOf(adapter.originate(call('claim-5', '+54 no')))
    assert.equal(garbage.code, 'INVALID_PHONE')
    assert.isFalse(fake.received.some((request) => request.method === 'POST'))
  })

  test('an ARI server that times out gives a clear error, and an originate it did carry out is not lost', async ({
    assert,
  }) => {
    await adapter.start()
    fake.state.delayMs = 2000

    // Asterisk placed the call but its answer is late, and so is the check: uncertain, kept
    const uncertain = await errorOf(adapter.originate(call('slow-1')))
    assert.equal(uncertain.code, 'TELEPHONY_UNCERTAIN')
    assert.match(uncertain.message, /did not answer.*no answer within 300 ms/)
    assert.notInclude(uncertain.message, fake.password)
    assert.deepEqual(adapter.liveCalls(), ['slow-1'], 'kept until its hangup is known')

    const hangup = await errorOf(adapter.hangup('slow-1'))
    assert.equal(hangup.code, 'TELEPHONY_UNAVAILABLE')
    assert.equal(hangup.status, 503)
  }).timeout(15_000)

  test('an originate whose answer was lost is confirmed by reading the channel back', async ({
    assert,
  }) => {
    await adapter.start()
    fake.state.delayMs = 2000
    const slow = adapter.originate(call('slow-2'))
    // the POST was carried out; the check that follows the time-out is answered at once
    while (!fake.channels.has('slow-2')) await new Promise((resolve) => setImmediate(resolve))
    fake.state.delayMs = 0
    assert.deepEqual(await slow, { callId: 'slow-2', correlationId: 'slow-2' })
    assert.deepEqual(adapter.liveCalls(), ['slow-2'])
  })

  test('an originate that never reached Asterisk fails as unavailable and leaves no call behind', async ({
    assert,
  }) => {
    const deaf = await startFakeAri()
    const closed = deaf.url
    await deaf.close()
    const nowhere = new AriTelephony(ariConfig(fake, { ARI_URL: closed }))
    const failed = await errorOf(nowhere.originate(call('nowhere-1')))
    await nowhere.stop()
    assert.equal(failed.code, 'TELEPHONY_UNAVAILABLE')
    assert.equal(failed.status, 503)
    assert.match(failed.message, /Asterisk \(ARI\) did not answer.*ECONNREFUSED/)
    assert.deepEqual(nowhere.liveCalls(), [])
  })

  test('Asterisk refusing the credentials is a clear 502 that does not show the password', async ({
    assert,
  }) => {
    const wrong = new AriTelephony(ariConfig(fake, { ARI_PASSWORD: 'wrong-password' }))
    const refused = await errorOf(wrong.originate(call('claim-6')))
    await wrong.stop()
    assert.equal(refused.code, 'TELEPHONY_REFUSED')
    assert.equal(refused.status, 502)
    assert.match(refused.message, /HTTP 401 Authentication required/)
    assert.notInclude(refused.message, 'wrong-password')
    assert.deepEqual(wrong.liveCalls(), [])
  })

  test('a dropped event stream reconnects with a doubling, capped backoff and reconciles the calls it missed', async ({
    assert,
  }) => {
    const record = recordEvents(adapter)
    await adapter.start()
    await record.until((event) => event.type === 'connection' && event.state === 'up')
    for (const id of ['kept', 'answered-meanwhile', 'ended-meanwhile']) {
      await adapter.originate(call(id))
      fake.ring(id)
      await record.until(isCall(id, 'ringing'))
    }

    assert.deepInclude(adapter.connection(), { state: 'up' })
    fake.state.refuse = 4
    fake.dropEvents()
    // while nobody listens: one call is answered, one ends
    fake.silently('answered-meanwhile', 'Up')
    fake.vanish('ended-meanwhile')

    const back = await record.until(
      (event) => event.type === 'connection' && event.state === 'up' && event.reconciled > 0
    )
    const downs = record.events.filter(
      (event): event is Extract<TelephonyEvent, { state: 'down' }> =>
        event.type === 'connection' && event.state === 'down'
    )
    assert.deepEqual(
      downs.map((event) => [event.attempt, event.delayMs]),
      [
        [1, 20],
        [2, 40],
        [3, 80],
        [4, 80],
        [5, 80],
      ]
    )
    assert.match(downs[0].reason, /closed/)
    assert.isTrue(
      record.events.indexOf(downs[4]) < record.events.indexOf(back),
      'the wallboard saw it down until it was back'
    )
    assert.match(downs[1].reason, /could not connect/)
    assert.deepInclude(back, { reconciled: 1 })
    assert.deepEqual(adapter.connection(), back)
    assert.deepEqual(record.story('answered-meanwhile'), ['ringing', 'answered'])
    assert.deepEqual(record.story('ended-meanwhile'), ['ringing', 'hangup:lost'])
    assert.deepInclude(record.events.find(isCall('ended-meanwhile', 'hangup'))!, {
      reconciled: true,
    })
    assert.deepEqual(record.story('kept'), ['ringing'])
    assert.sameMembers(adapter.liveCalls(), ['kept', 'answered-meanwhile'])

    // and the stream works again
    fake.hangup('kept', 17)
    await record.until(isCall('kept', 'hangup'))
    assert.deepEqual(record.story('kept'), ['ringing', 'hangup:busy'])
  })
})

test.group('telephony: ARI stream back while REST times out', (group) => {
  let fake: FakeAri
  let adapter: AriTelephony
  group.each.setup(async () => {
    fake = await startFakeAri()
    adapter = new AriTelephony(ariConfig(fake, { ARI_TIMEOUT_MS: '100' }))
    return async () => {
      await adapter.stop()
      await fake.close()
    }
  })

  test('a reconnect whose reconciliation times out counts as failed: the backoff keeps growing and calls stay held', async ({
    assert,
  }) => {
    const record = recordEvents(adapter)
    await adapter.start()
    await adapter.originate(call('held-1'))
    fake.state.delayMs = 1000
    fake.dropEvents()
    const third = await record.until(
      (event) => event.type === 'connection' && event.state === 'down' && event.attempt === 3
    )
    assert.deepInclude(third, { delayMs: 80 })
    assert.deepEqual(adapter.liveCalls(), ['held-1'], 'nothing is ended on a guess')
    assert.isAtLeast(fake.state.upgrades, 3, 'the socket itself did reopen')
    fake.state.delayMs = 0
    const back = await record.until(
      (event) =>
        event.type === 'connection' &&
        event.state === 'up' &&
        record.events.indexOf(event) > record.events.indexOf(third)
    )
    assert.deepInclude(back, { reconciled: 0 })
    assert.deepEqual(adapter.liveCalls(), ['held-1'])
  }).timeout(15_000)
})

test.group('telephony: ARI reconciliation while connected', (group) => {
  let fake: FakeAri
  let adapter: AriTelephony
  group.each.setup(async () => {
    fake = await startFakeAri()
    adapter = new AriTelephony(ariConfig(fake, { ARI_RECONCILE_MS: '30' }))
    return async () => {
      await adapter.stop()
      await fake.close()
    }
  })

  test('a call whose events were lost without the socket dropping is found by the periodic listing', async ({
    assert,
  }) => {
    const record = recordEvents(adapter)
    await adapter.start()
    await adapter.originate(call('quiet-1'))
    await adapter.originate(call('quiet-2'))
    fake.silently('quiet-1', 'Up')
    fake.vanish('quiet-2')
    await record.until(isCall('quiet-2', 'hangup'))
    await record.until(isCall('quiet-1', 'answered'))
    assert.deepEqual(record.story('quiet-2'), ['hangup:lost'])
    assert.equal(fake.listeners(), 1, 'the stream stayed up')
    assert.deepEqual(adapter.liveCalls(), ['quiet-1'])
  })
})

test.group('telephony: configuration', () => {
  test('the simulated platform is the default', ({ assert }) => {
    assert.equal(readTelephonyConfig({}).kind, 'simulated')
  })

  test('a bad setting stops with a message naming the variable', ({ assert }) => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [
        { DIALER_TELEPHONY: 'freeswitch' },
        /DIALER_TELEPHONY must be one of simulated, asterisk-ari, not "freeswitch"/,
      ],
      [
        { DIALER_TELEPHONY: 'asterisk-ari', ARI_URL: 'http://pbx:8088' },
        /needs ARI_USER, ARI_PASSWORD, ARI_APP/,
      ],
      [
        {
          DIALER_TELEPHONY: 'asterisk-ari',
          ARI_URL: 'pbx:8088',
          ARI_USER: 'u',
          ARI_PASSWORD: 'p',
          ARI_APP: 'a',
        },
        /ARI_URL must start with http/,
      ],
      [
        {
          DIALER_TELEPHONY: 'asterisk-ari',
          ARI_URL: 'not a url',
          ARI_USER: 'u',
          ARI_PASSWORD: 'p',
          ARI_APP: 'a',
        },
        /ARI_URL must be a URL/,
      ],
      [
        {
          DIALER_TELEPHONY: 'asterisk-ari',
          ARI_URL: 'http://u:p@pbx',
          ARI_USER: 'u',
          ARI_PASSWORD: 'p',
          ARI_APP: 'a',
        },
        /must not hold credentials/,
      ],
      [
        {
          DIALER_TELEPHONY: 'asterisk-ari',
          ARI_URL: 'http://pbx',
          ARI_USER: 'u',
          ARI_PASSWORD: 'p',
          ARI_APP: 'a',
          ARI_TIMEOUT_MS: '0',
        },
        /ARI_TIMEOUT_MS must be a whole number ≥ 1, not "0"/,
      ],
      [
        {
          DIALER_TELEPHONY: 'asterisk-ari',
          ARI_URL: 'http://pbx',
          ARI_USER: 'u',
          ARI_PASSWORD: 'p',
          ARI_APP: 'a',
          ARI_ENDPOINT: 'PJSIP/trunk',
        },
        /ARI_ENDPOINT must contain \{to\}/,
      ],
      [{ DIALER_SIM_ANSWER_RATE: '1.5' }, /DIALER_SIM_ANSWER_RATE must be a number from 0 to 1/],
      [{ DIALER_SIM_ANSWER_RATE: '0.8', DIALER_SIM_MACHINE_RATE: '0.3' }, /must not pass 1/],
    ]
    for (const [env, message] of cases) {
      assert.throws(() => readTelephonyConfig(env), message)
    }
  })

  test('ARI_URL may end in /ari; the adapter adds it itself', ({ assert }) => {
    const config = readTelephonyConfig({
      DIALER_TELEPHONY: 'asterisk-ari',
      ARI_URL: 'https://pbx.example:8089/ari/',
      ARI_USER: 'u',
      ARI_PASSWORD: 'p',
      ARI_APP: 'tablero',
    })
    assert.deepInclude(config, {
      url: 'https://pbx.example:8089',
      timeoutMs: 5000,
      reconnectMaxMs: 30_000,
    })
  })
})

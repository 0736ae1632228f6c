import { test } from '@japa/runner'
import { AdapterError, defineAdapter, HttpClient } from '#sdk'
import { messaging } from '#services/messaging/index'
import { startFakeGateway } from '#tests/helpers/fake_gateway'
import { captureLogs } from '#tests/helpers/logs'

const TOKEN = 'sk_live_4f9a8b7c6d5e'
const VARIABLES = [
  'TEST_SMS_ADAPTER',
  'TEST_SMS_HTTP_URL',
  'TEST_SMS_HTTP_TOKEN',
  'TEST_SMS_HTTP_TIMEOUT_MS',
  'MESSAGING_ADAPTER',
  'MESSAGING_PROVIDER',
]

/** What the adapter's users see: the side that answered. */
interface Sms {
  side: string
  client?: HttpClient
}
const sms = defineAdapter<Sms>({
  name: 'test-sms',
  local: () => ({ side: 'local' }),
  http: (client) => ({ side: 'http', client }),
})

/** The failure `work` throws (the test fails when it does not throw). */
async function failure(work: () => Promise<unknown>) {
  try {
    await work()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a failure')
}

test.group('SDK: adapters', (group) => {
  group.each.teardown(() => {
    for (const name of VARIABLES) delete process.env[name]
  })

  test('the local side is chosen by default and by <PREFIX>_ADAPTER=local', async ({ assert }) => {
    assert.equal(sms.kind(), 'local')
    assert.equal(sms.use().side, 'local')
    process.env.TEST_SMS_ADAPTER = 'local'
    process.env.TEST_SMS_HTTP_URL = 'http://127.0.0.1:9/never'
    assert.equal(sms.use().side, 'local')
  })

  test('<PREFIX>_ADAPTER=http builds the http side from the environment', async ({ assert }) => {
    process.env.TEST_SMS_ADAPTER = 'http'
    assert.throws(() => sms.use(), 'TEST_SMS_ADAPTER=http needs TEST_SMS_HTTP_URL')
    const gateway = await startFakeGateway({ status: 200, body: { ok: true } })
    try {
      process.env.TEST_SMS_HTTP_URL = gateway.origin
      process.env.TEST_SMS_HTTP_TOKEN = TOKEN
      const { side, client } = sms.use()
      assert.equal(side, 'http')
      const answer = await client!.request({ path: '/status' })
      assert.deepEqual(answer.json(), { ok: true })
      assert.equal(gateway.received[0].url, '/status')
      assert.equal(gateway.received[0].headers.authorization, `Bearer ${TOKEN}`)
    } finally {
      await gateway.close()
    }
  })

  test('an unknown <PREFIX>_ADAPTER value is refused, naming the variable', async ({ assert }) => {
    process.env.TEST_SMS_ADAPTER = 'smtp'
    assert.throws(() => sms.use(), 'TEST_SMS_ADAPTER must be "local" or "http", not "smtp"')
  })

  test('messaging moved onto adapters: MESSAGING_ADAPTER, and MESSAGING_PROVIDER still works', async ({
    assert,
  }) => {
    assert.equal(messaging.use().name, 'log')
    process.env.MESSAGING_PROVIDER = 'http'
    assert.equal(messaging.kind(), 'http')
    process.env.MESSAGING_ADAPTER = 'local'
    assert.equal(messaging.kind(), 'local', 'the new variable wins')
    delete process.env.MESSAGING_PROVIDER
    process.env.MESSAGING_ADAPTER = 'http'
    assert.equal(messaging.kind(), 'http')
  })

  test('a call with no answer within the timeout fails', async ({ assert }) => {
    const gateway = await startFakeGateway({ status: 200, body: {}, delayMs: 2_000 })
    try {
      const client = new HttpClient({
        adapter: 'test-sms',
        url: gateway.origin,
        timeoutMs: 50,
        retries: 0,
      })
      const error = await failure(() => client.request({ path: '/slow' }))
      assert.instanceOf(error, AdapterError)
      assert.include(error.message, 'no answer within 50 ms')
    } finally {
      await gateway.close()
    }
  })

  test('idempotent calls are retried on 5xx and timeouts; a POST is sent once', async ({
    assert,
  }) => {
    // Each path fails twice, then answers.
    const seen = new Map<string, number>()
    const gateway = await startFakeGateway((index) => {
      const path = gateway.received[index].url
      seen.set(path, (seen.get(path) ?? 0) + 1)
      return seen.get(path)! <= 2
        ? { status: 503, body: { error: 'busy' } }
        : { status: 200, body: { id: 7 } }
    })
    const client = new HttpClient({
      adapter: 'test-sms',
      url: gateway.origin,
      retries: 2,
      retryDelayMs: 1,
    })
    const sent = (path: string) => gateway.received.filter((request) => request.url === path)
    try {
      const get = await client.request({ path: '/a' })
      assert.equal(get.status, 200)
      assert.lengthOf(sent('/a'), 3)

      const post = await client.request({ method: 'POST', path: '/b', json: { to: '+57300' } })
      assert.equal(post.status, 503, 'a POST answers the first failure, never resent')
      assert.lengthOf(sent('/b'), 1)

      const keyed = await client.request({ method: 'POST', path: '/c', json: {}, idempotent: true })
      assert.equal(keyed.status, 200)
      assert.lengthOf(sent('/c'), 3, 'a POST said to be idempotent is retried')
    } finally {
      await gateway.close()
    }

    const slow = await startFakeGateway({ status: 200, body: {}, delayMs: 2_000 })
    try {
      const timed = new HttpClient({
        adapter: 'test-sms',
        url: slow.origin,
        timeoutMs: 50,
        retries: 2,
        retryDelayMs: 1,
      })
      await failure(() => timed.request({ method: 'POST', path: '/send', json: {} }))
      assert.lengthOf(slow.received, 1, 'a POST that timed out may have been done: not resent')
      slow.received.length = 0
      const error = await failure(() => timed.request({ path: '/read' }))
      assert.lengthOf(slow.received, 3)
      assert.include(error.message, '(3 attempts)')
    } finally {
      await slow.close()
    }
  })

  test('the token and credentials never reach an error or a log line', async ({ assert }) => {
    const logs = captureLogs()
    // A gateway that echoes the token back in its error.
    const gateway = await startFakeGateway({ status: 500, body: { error: `bad token ${TOKEN}` } })
    try {
      process.env.MESSAGING_ADAPTER = 'http'
      process.env.MESSAGING_HTTP_URL = `${gateway.origin}/messages?api_key=${TOKEN}`
      process.env.MESSAGING_HTTP_TOKEN = TOKEN
      const error = await failure(() =>
        messaging.use().send({ channel: 'sms', to: '+573001234567', body: 'Hola' })
      )
      assert.include(error.message, 'Gateway answered 500')
      assert.include(error.message, '[redacted]')
      assert.notInclude(error.message, TOKEN)
      assert.equal(gateway.received[0].headers.authorization, `Bearer ${TOKEN}`)

      await gateway.close()
      // Unreachable now: the error names the URL, without its key.
      const unreachable = await failure(() =>
        messaging.use().send({ channel: 'sms', to: '+573001234567', body: 'Hola' })
      )
      assert.include(unreachable.message, 'Gateway unreachable')
      assert.include(unreachable.message, 'api_key=[redacted]')
      assert.notInclude(unreachable.message, TOKEN)
      await logs.waitFor('adapter call failed')
      assert.include(logs.text(), 'adapter call failed')
      assert.notInclude(logs.text(), TOKEN)
    } finally {
      logs.stop()
      await gateway.close().catch(() => {})
    }
  })
})

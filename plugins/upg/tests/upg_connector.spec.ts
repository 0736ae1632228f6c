import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { captureLogs, makeClient, plugins, signIn, truncateAfterEach } from '#sdk/testing'
import { startFakeUpg } from './helpers.ts'

const PAN = '4111111111111111'

const gatewayTransaction = (overrides: Record<string, unknown> = {}) => ({
  id: 'T-900',
  user_id: 'U-7',
  service: 'shipping',
  order_number: 'EN-5',
  amount: '45.10',
  currency: 'USD',
  payment_method: 'card',
  card_number: PAN,
  card_brand: 'Visa',
  gateway: 'Redsys',
  payment_ip: '203.0.113.9',
  status: 'approved',
  date: '2026-11-20T10:00:00Z',
  note: `paid with ${PAN}`,
  ...overrides,
})

async function linkedClient() {
  const clientId = await makeClient({ first_name: 'Ana' })
  await db.table('upg_clients').insert({
    client_id: clientId,
    external_user_id: 'U-7',
    created_at: '2026-11-01 00:00:00',
  })
  return clientId
}

test.group('upg: the HTTP connector (U5) against a fake gateway', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test('the tab reads the gateway with the token; a card number in its answer is cut to a mask', async ({
    client,
    assert,
    cleanup,
  }) => {
    const upg = await startFakeUpg(
      ({ url }) =>
        url.startsWith('/transactions/')
          ? { status: 200, body: { data: gatewayTransaction() } }
          : { status: 200, body: { data: [gatewayTransaction()], total: 1 } },
      { UPG_TOKEN: 'token-de-upg' }
    )
    cleanup(() => upg.stop())
    const clientId = await linkedClient()
    const supervisor = await signIn(client, 'supervisor')
    const logs = captureLogs()
    const list = await supervisor
      .get(`/api/p/upg/clients/${clientId}/transactions`)
      .qs({ service: 'shipping' })
    const details = await supervisor.get(`/api/p/upg/clients/${clientId}/transactions/T-900`)
    logs.stop()
    list.assertStatus(200)
    details.assertStatus(200)
    assert.equal(
      upg.fake.received[0].url,
      '/transactions?user_id=U-7&page=1&per_page=20&service=shipping'
    )
    assert.equal(upg.fake.received[0].headers.authorization, 'Bearer token-de-upg')
    assert.containsSubset(list.body(), {
      data: [{ id: 'T-900', orderNumber: 'EN-5', cardMask: '411111******1111', amount: 45.1 }],
      meta: { total: 1, source: 'http' },
    })
    assert.containsSubset(details.body().data, { cardMask: '411111******1111', gateway: 'Redsys' })
    assert.notInclude(JSON.stringify(list.body()) + JSON.stringify(details.body()), PAN)
    assert.notInclude(logs.text(), PAN)
    assert.notInclude(logs.text(), 'token-de-upg')
  })

  test("another user's transaction is not this client's: 404", async ({ client, cleanup }) => {
    const upg = await startFakeUpg(() => ({
      status: 200,
      body: { data: gatewayTransaction({ user_id: 'U-99' }) },
    }))
    cleanup(() => upg.stop())
    const clientId = await linkedClient()
    const supervisor = await signIn(client, 'supervisor')
    ;(await supervisor.get(`/api/p/upg/clients/${clientId}/transactions/T-900`)).assertStatus(404)
  })

  test('a slow gateway times out: "UPG no disponible" (503)', async ({
    client,
    assert,
    cleanup,
  }) => {
    const upg = await startFakeUpg(() => ({ status: 200, body: { data: [] }, delayMs: 2_000 }), {
      UPG_TIMEOUT_MS: '100',
      UPG_RETRIES: '1',
    })
    cleanup(() => upg.stop())
    const clientId = await linkedClient()
    const agent = await signIn(client, 'admin')
    const answer = await agent
      .get(`/api/p/upg/clients/${clientId}/transactions`)
      .header('accept-language', 'en')
    answer.assertStatus(503)
    answer.assertBodyContains({ error: { code: 'UPG_UNAVAILABLE' } })
    assert.include(answer.body().error.message, 'no answer within 100 ms')
    // a read is retried: two attempts reached the gateway
    assert.lengthOf(upg.fake.received, 2)
  })

  test('a failing gateway (5xx): reads are retried, then the breaker opens and answers at once without calling it', async ({
    client,
    assert,
    cleanup,
  }) => {
    const upg = await startFakeUpg(() => ({ status: 502, body: { error: 'bad gateway' } }), {
      UPG_RETRIES: '2',
      UPG_BREAKER_FAILURES: '2',
    })
    cleanup(() => upg.stop())
    const clientId = await linkedClient()
    const admin = await signIn(client, 'admin')
    const url = `/api/p/upg/clients/${clientId}/transactions`

    const first = await admin.get(url)
    first.assertStatus(503)
    assert.lengthOf(upg.fake.received, 3) // 1 + 2 retries
    ;(await admin.get(url)).assertStatus(503)
    assert.lengthOf(upg.fake.received, 6)

    // open: the tab is told at once, the gateway is not called
    const open = await admin.get(url)
    open.assertStatus(503)
    open.assertBodyContains({ error: { code: 'UPG_UNAVAILABLE' } })
    // in the user's language (Spanish here), saying why
    assert.include(open.body().error.message, 'UPG no disponible: demasiados fallos seguidos')
    ;(await admin.get(`/api/p/upg/clients/${clientId}/details`)).assertStatus(503)
    assert.lengthOf(upg.fake.received, 6)
  })

  test('after the cool-down one call goes through; a good answer closes the breaker', async ({
    client,
    assert,
    cleanup,
  }) => {
    let healthy = false
    const upg = await startFakeUpg(
      () =>
        healthy
          ? { status: 200, body: { data: [], total: 0 } }
          : { status: 500, body: { error: 'down' } },
      { UPG_RETRIES: '0', UPG_BREAKER_FAILURES: '1', UPG_BREAKER_COOLDOWN_MS: '0' }
    )
    cleanup(() => upg.stop())
    const clientId = await linkedClient()
    const admin = await signIn(client, 'admin')
    const url = `/api/p/upg/clients/${clientId}/transactions`
    ;(await admin.get(url)).assertStatus(503)
    healthy = true
    ;(await admin.get(url)).assertStatus(200)
    ;(await admin.get(url)).assertStatus(200)
    assert.lengthOf(upg.fake.received, 3)
  })

  test('a malformed answer is a clear 502, never a crash', async ({ client, assert, cleanup }) => {
    const answers = [
      { status: 200, body: 'not json at all' },
      { status: 200, body: { data: 'nope' } },
      { status: 200, body: { data: [{ id: 'T-1', service: 'travel' }] } },
    ]
    const upg = await startFakeUpg(() => answers.shift() ?? { status: 200, body: {} }, {
      UPG_BREAKER_FAILURES: '10',
    })
    cleanup(() => upg.stop())
    const clientId = await linkedClient()
    const admin = await signIn(client, 'admin')
    const url = `/api/p/upg/clients/${clientId}/transactions`
    const text = await admin.get(url).header('accept-language', 'en')
    text.assertStatus(502)
    text.assertBodyContains({ error: { code: 'UPG_BAD_ANSWER' } })
    assert.include(text.body().error.message, 'not a JSON object')
    const notList = await admin.get(url)
    notList.assertStatus(502)
    assert.include(notList.body().error.message, 'datos mal formados ("data" is not a list)')
    const incomplete = await admin.get(url).header('accept-language', 'en')
    incomplete.assertStatus(502)
    assert.include(incomplete.body().error.message, 'a transaction has no numeric "amount"')
  })
})

import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { makeClient, plugins, signIn, truncateAfterEach } from '#sdk/testing'

type Row = Record<string, unknown>

let order = 0
function payment(clientId: number | null, userId: string, values: Row = {}): Row {
  order += 1
  return {
    client_id: clientId,
    external_user_id: userId,
    service: 'travel',
    order_number: `ORD-${order}`,
    amount: 10 + order,
    currency: 'USD',
    payment_method: 'card',
    card_bin: '550000',
    card_last4: String(1000 + order),
    card_brand: 'Mastercard',
    gateway: 'Stripe',
    payment_ip: `198.51.100.${order}`,
    ip_network: '198.51.100',
    status: 'approved',
    occurred_at: `2026-11-${String(10 + (order % 15)).padStart(2, '0')} 10:00:00`,
    created_at: '2026-11-25 00:00:00',
    ...values,
  }
}

/** Two clients sharing a card and a /24, a third with neither; the agent holds the first. */
async function world(agentId: number) {
  const ana = await makeClient({ first_name: 'Ana', last_name: 'Pérez', assigned_user_id: agentId })
  const beto = await makeClient({ first_name: 'Beto', last_name: 'Ruiz' })
  const carla = await makeClient({ first_name: 'Carla', last_name: 'Sosa' })
  await db.table('upg_clients').multiInsert([
    {
      client_id: ana,
      external_user_id: 'U-1',
      full_name: 'Ana Pérez',
      kyc_status: 'verified',
      created_at: '2026-11-01 00:00:00',
    },
    {
      client_id: ana,
      external_user_id: 'U-2',
      full_name: 'Ana P.',
      created_at: '2026-11-01 00:00:00',
    },
    { client_id: beto, external_user_id: 'U-3', created_at: '2026-11-01 00:00:00' },
    { client_id: carla, external_user_id: 'U-4', created_at: '2026-11-01 00:00:00' },
  ])
  const shared = { card_bin: '411111', card_last4: '1111', card_brand: 'Visa' }
  await db.table('upg_transactions').multiInsert([
    payment(ana, 'U-1', {
      ...shared,
      service: 'travel',
      payment_ip: '203.0.113.7',
      ip_network: '203.0.113',
    }),
    payment(ana, 'U-1', { service: 'market' }),
    payment(ana, 'U-2', { service: 'travel', status: 'declined' }),
    payment(beto, 'U-3', {
      ...shared,
      service: 'shipping',
      payment_ip: '203.0.113.200',
      ip_network: '203.0.113',
    }),
    payment(carla, 'U-4', {
      service: 'topups',
      payment_ip: '203.0.114.7',
      ip_network: '203.0.114',
    }),
  ])
  return { ana, beto, carla }
}

test.group('upg: the client tab (U1–U3) and the anti-fraud search (U4), local store', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test("an agent lists a client's payments across services, filtered by user id and service", async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const { ana } = await world(agent.user.id)
    const all = await agent.get(`/api/p/upg/clients/${ana}/transactions`)
    all.assertStatus(200)
    assert.equal(all.body().meta.total, 3)
    assert.deepEqual(all.body().meta.userIds, ['U-1', 'U-2'])
    assert.sameMembers(Object.keys(all.body().data[0]), [
      'id',
      'userId',
      'clientId',
      'service',
      'orderNumber',
      'amount',
      'currency',
      'paymentMethod',
      'cardMask',
      'cardBrand',
      'gateway',
      'paymentIp',
      'status',
      'date',
    ])

    const travel = await agent
      .get(`/api/p/upg/clients/${ana}/transactions`)
      .qs({ service: 'travel' })
    assert.sameMembers(
      travel.body().data.map((row: Row) => row.userId),
      ['U-1', 'U-2']
    )
    const u1Travel = await agent
      .get(`/api/p/upg/clients/${ana}/transactions`)
      .qs({ service: 'travel', user_id: 'U-1' })
    assert.lengthOf(u1Travel.body().data, 1)
    assert.containsSubset(u1Travel.body().data[0], {
      cardMask: '411111******1111',
      paymentIp: '203.0.113.7',
    })

    const foreign = await agent.get(`/api/p/upg/clients/${ana}/transactions`).qs({ user_id: 'U-3' })
    foreign.assertStatus(422)
    foreign.assertBodyContains({ error: { fields: [{ field: 'user_id' }] } })
    const badService = await agent
      .get(`/api/p/upg/clients/${ana}/transactions`)
      .qs({ service: 'casino' })
    badService.assertStatus(422)
    badService.assertBodyContains({ error: { fields: [{ field: 'service' }] } })
  })

  test('TRX details show the masked card, brand and gateway; Cliente detalles the gateway users (U2, U3)', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const { ana, beto } = await world(agent.user.id)
    const list = await agent
      .get(`/api/p/upg/clients/${ana}/transactions`)
      .qs({ user_id: 'U-1', service: 'travel' })
    const id = list.body().data[0].id
    const details = await agent.get(`/api/p/upg/clients/${ana}/transactions/${id}`)
    details.assertStatus(200)
    assert.containsSubset(details.body().data, {
      cardMask: '411111******1111',
      cardBrand: 'Visa',
      gateway: 'Stripe',
    })
    const users = await agent.get(`/api/p/upg/clients/${ana}/details`)
    users.assertStatus(200)
    assert.containsSubset(users.body().data, [
      { userId: 'U-1', fullName: 'Ana Pérez', kycStatus: 'verified' },
      { userId: 'U-2', registeredAt: null },
    ])
    // another client's payment through this client's URL, or another agent's client: 404
    const betoPayment = await db.from('upg_transactions').where('client_id', beto).first()
    ;(await agent.get(`/api/p/upg/clients/${ana}/transactions/${betoPayment.id}`)).assertStatus(404)
    ;(await agent.get(`/api/p/upg/clients/${beto}/transactions`)).assertStatus(404)
  })

  test('without upg.read the tab is refused (403)', async ({ client }) => {
    const admin = await signIn(client, 'admin')
    const agent = await signIn(client, 'agent')
    const { ana } = await world(agent.user.id)
    const revoked = await admin
      .put('/api/permissions')
      .json({ changes: [{ role: 'agent', permission: 'upg.read', granted: false }] })
    revoked.assertStatus(200)
    const refused = await agent.get(`/api/p/upg/clients/${ana}/transactions`)
    refused.assertStatus(403)
  })

  test('a supervisor finds by card mask the two clients who used one card, with links to them', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const { ana, beto } = await world(supervisor.user.id)
    const found = await supervisor
      .post('/api/p/upg/fraud/search')
      .json({ card: '411111******1111' })
    found.assertStatus(200)
    const data = found.body().data
    assert.equal(data.total, 2)
    assert.sameDeepMembers(
      data.clients.map((row: Row) => [row.clientId, row.name]),
      [
        [ana, 'Ana Pérez'],
        [beto, 'Beto Ruiz'],
      ]
    )
    assert.sameMembers(
      data.transactions.map((row: Row) => row.clientName),
      ['Ana Pérez', 'Beto Ruiz']
    )
    // a full number typed in the search is cut the same way, and never answered back
    const byPan = await supervisor
      .post('/api/p/upg/fraud/search')
      .json({ card: '4111 1111 1111 1111' })
    assert.equal(byPan.body().data.total, 2)
    assert.notInclude(JSON.stringify(byPan.body()), '4111111111111111')

    const bad = await supervisor.post('/api/p/upg/fraud/search').json({ card: '4111' })
    bad.assertStatus(422)
    bad.assertBodyContains({ error: { fields: [{ field: 'card' }] } })
    const nothing = await supervisor.post('/api/p/upg/fraud/search').json({})
    nothing.assertStatus(422)
  })

  test('by payment IP: exact, or the same /24', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const { ana, beto } = await world(supervisor.user.id)
    const exact = await supervisor.post('/api/p/upg/fraud/search').json({ ip: '203.0.113.7' })
    exact.assertStatus(200)
    assert.deepEqual(
      exact.body().data.clients.map((row: Row) => row.clientId),
      [ana]
    )
    const network = await supervisor
      .post('/api/p/upg/fraud/search')
      .json({ ip: '203.0.113.7', ipScope: 'network' })
    assert.sameMembers(
      network.body().data.clients.map((row: Row) => row.clientId),
      [ana, beto]
    )
    assert.equal(network.body().data.criteria.network, '203.0.113.0/24')
    const bad = await supervisor.post('/api/p/upg/fraud/search').json({ ip: '203.0.113' })
    bad.assertStatus(422)
    bad.assertBodyContains({ error: { fields: [{ field: 'ip' }] } })
  })

  test('agents may not search across clients (403)', async ({ client }) => {
    const agent = await signIn(client, 'agent')
    const refused = await agent.post('/api/p/upg/fraud/search').json({ card: '411111******1111' })
    refused.assertStatus(403)
  })

  test("a client merge moves the merged client's gateway users and payments to the survivor", async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const { ana, beto } = await world(admin.user.id)
    const merge = await admin
      .post(`/api/clients/${ana}/merge`)
      .json({ otherId: beto, survivorId: ana, confirm: true })
    merge.assertStatus(200)
    const tab = await admin.get(`/api/p/upg/clients/${ana}/transactions`)
    assert.equal(tab.body().meta.total, 4)
    assert.sameMembers(tab.body().meta.userIds, ['U-1', 'U-2', 'U-3'])
  })

  test('disabling the plugin removes its routes and resources; its data stays and comes back', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const { ana } = await world(admin.user.id)
    ;(await admin.post('/api/plugins/upg/disable')).assertStatus(200)
    try {
      const tab = await admin.get(`/api/p/upg/clients/${ana}/transactions`)
      tab.assertStatus(404)
      tab.assertBodyContains({ error: { code: 'PLUGIN_DISABLED' } })
      ;(
        await admin.post('/api/p/upg/fraud/search').json({ card: '411111******1111' })
      ).assertStatus(404)
      ;(await admin.get('/api/r/upg_transactions')).assertStatus(404)
      const meta = await admin.get('/api/meta')
      const names = JSON.stringify(meta.body())
      assert.notInclude(names, 'upg_transactions')
      assert.notInclude(names, '/upg/antifraude')
      assert.equal(Number((await db.from('upg_transactions').count('* as n'))[0].n), 5)
    } finally {
      ;(await admin.post('/api/plugins/upg/enable')).assertStatus(200)
    }
    const meta = JSON.stringify((await admin.get('/api/meta')).body())
    assert.include(meta, 'upg_transactions')
    assert.include(meta, '/upg/antifraude')
    const back = await admin.get(`/api/p/upg/clients/${ana}/transactions`)
    back.assertStatus(200)
    assert.equal(back.body().meta.total, 3)
  })
})

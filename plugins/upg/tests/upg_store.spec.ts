import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { captureLogs, makeClient, plugins, signIn, truncateAfterEach } from '#sdk/testing'
import { SECRET, everyStoredRow, importCsv, postEvent } from './helpers.ts'

const PAN = '4111111111111111'
const SPACED_PAN = '5500 0000 0000 0004'

function event(id: string, data: Record<string, unknown>) {
  return {
    event_id: id,
    type: 'transaction',
    data: {
      user_id: 'U-7',
      service: 'travel',
      order_number: 'VJ-1001',
      amount: 120.5,
      currency: 'USD',
      payment_method: 'card',
      card_number: PAN,
      card_brand: 'Visa',
      gateway: 'Adyen',
      payment_ip: '203.0.113.9',
      status: 'approved',
      date: '2026-11-20T10:00:00Z',
      ...data,
    },
  }
}

test.group('upg: the local store (U5) keeps no card number', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.setup(() => {
    process.env.UPG_WEBHOOK_SECRET = SECRET
    return () => {
      delete process.env.UPG_WEBHOOK_SECRET
    }
  })

  test('a CSV import with full card numbers stores BIN + last 4 only, in no table and no log line', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const clientId = await makeClient({ first_name: 'Ana', last_name: 'Pérez' })
    const logs = captureLogs()
    try {
      const users = await importCsv(
        admin,
        'upg_clients',
        `client_id,external_user_id,full_name,kyc_status\n${clientId},U-7,Ana Pérez,verified\n`
      )
      assert.equal(users.createdRows, 1)
      const imported = await importCsv(
        admin,
        'upg_transactions',
        [
          'external_user_id,service,order_number,amount,payment_method,card_bin,card_brand,gateway,payment_ip,status,occurred_at',
          `U-7,travel,VJ-1,99.90,card,${PAN},Visa,Adyen,203.0.113.9,approved,2026-11-01T10:00:00Z`,
          `U-7,market,MK-2,15.00,card,${SPACED_PAN},Mastercard,Stripe,198.51.100.4,declined,2026-11-02T10:00:00Z`,
          `U-7,topups,RC-3,5.00,card,378282******0005,Amex,Stripe,198.51.100.5,approved,2026-11-03T10:00:00Z`,
        ].join('\n')
      )
      assert.equal(imported.createdRows, 3, JSON.stringify(imported.errors))
    } finally {
      logs.stop()
    }

    const rows = await db.from('upg_transactions').orderBy('order_number')
    assert.deepEqual(
      rows.map((row) => [
        row.order_number,
        row.card_bin,
        row.card_last4,
        Number(row.client_id),
        row.ip_network,
      ]),
      [
        ['MK-2', '550000', '0004', clientId, '198.51.100'],
        ['RC-3', '378282', '0005', clientId, '198.51.100'],
        ['VJ-1', '411111', '1111', clientId, '203.0.113'],
      ]
    )
    const stored = await everyStoredRow()
    assert.notInclude(stored, PAN)
    assert.notInclude(stored, SPACED_PAN)
    assert.notInclude(stored, SPACED_PAN.replaceAll(' ', ''))
    assert.notInclude(logs.text(), PAN)
    assert.notInclude(logs.text(), SPACED_PAN)
  })

  test("the import's column-mapping preview shows a card number as a mask", async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const previewed = await admin
      .post('/api/r/upg_transactions/imports/preview')
      .file(
        'file',
        Buffer.from(
          `external_user_id,order_number,card_bin\nU-7,VJ-1,${PAN}\nU-7,VJ-2,${SPACED_PAN}\n`
        ),
        { filename: 'pagos.csv' }
      )
    previewed.assertStatus(200)
    const cells = previewed.body().data.rows.map((row: { cells: string[] }) => row.cells[2])
    assert.deepEqual(cells, ['411111******1111', '550000******0004'])
    assert.notInclude(JSON.stringify(previewed.body()), PAN)
  })

  test('a card number typed in the generic form is stored and audited as BIN + last 4', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const clientId = await makeClient({ first_name: 'Ana' })
    const logs = captureLogs()
    const created = await admin.post('/api/r/upg_transactions').json({
      client_id: clientId,
      external_user_id: 'U-9',
      service: 'market',
      order_number: 'MK-9',
      amount: 10,
      payment_method: 'card',
      card_bin: PAN,
      payment_ip: '198.51.100.7',
      status: 'approved',
      occurred_at: '2026-11-20T10:00:00Z',
    })
    logs.stop()
    created.assertStatus(201)
    assert.containsSubset(created.body().data, { card_bin: '411111', card_last4: '1111' })
    const history = await admin.get(`/api/r/upg_transactions/${created.body().data.id}/history`)
    history.assertStatus(200)
    assert.notInclude(JSON.stringify(history.body()), PAN)
    assert.notInclude(await everyStoredRow(), PAN)
    assert.notInclude(logs.text(), PAN)

    const wrong = await admin.post('/api/r/upg_transactions').json({
      external_user_id: 'U-9',
      service: 'market',
      order_number: 'MK-10',
      amount: 10,
      payment_method: 'card',
      card_bin: '41111',
      status: 'approved',
      occurred_at: '2026-11-20T10:00:00Z',
    })
    wrong.assertStatus(422)
    wrong.assertBodyContains({ error: { fields: [{ field: 'card_bin' }] } })
  })

  test('a signed webhook stores the payment once, linked to its client, the PAN cut; a replay is 409', async ({
    client,
    assert,
  }) => {
    const clientId = await makeClient({ first_name: 'Ana' })
    await db.table('upg_clients').insert({
      client_id: clientId,
      external_user_id: 'U-7',
      created_at: new Date().toISOString().slice(0, 19).replace('T', ' '),
    })
    const logs = captureLogs()
    const first = await postEvent(client, event('evt-1', {}))
    const replay = await postEvent(client, event('evt-1', {}))
    logs.stop()
    first.assertStatus(201)
    replay.assertStatus(409)
    replay.assertBodyContains({ error: { code: 'REPLAYED' } })

    const rows = await db.from('upg_transactions')
    assert.lengthOf(rows, 1)
    assert.containsSubset(rows[0], {
      client_id: clientId,
      external_user_id: 'U-7',
      card_bin: '411111',
      card_last4: '1111',
      ip_network: '203.0.113',
      order_number: 'VJ-1001',
    })
    const audit = await db.from('audit_logs').where('action', 'upg.webhook')
    assert.lengthOf(audit, 1)
    assert.notInclude(await everyStoredRow(), PAN)
    assert.notInclude(logs.text(), PAN)
    assert.notInclude(JSON.stringify(first.body()), PAN)
  })

  test('an unsigned or wrongly signed webhook is 401 and writes nothing; a bad field is 422 naming it', async ({
    client,
    assert,
  }) => {
    const logs = captureLogs()
    ;(await postEvent(client, event('evt-2', {}), 'none')).assertStatus(401)
    const bad = await postEvent(client, event('evt-3', {}), 'bad')
    bad.assertStatus(401)
    bad.assertBodyContains({ error: { code: 'BAD_SIGNATURE' } })
    const invalid = await postEvent(
      client,
      event('evt-4', { service: 'casino', card_number: '12' })
    )
    invalid.assertStatus(422)
    invalid.assertBodyContains({ error: { fields: [{ field: 'data.service' }] } })
    const badCard = await postEvent(client, event('evt-5', { card_number: '4111-11' }))
    badCard.assertStatus(422)
    badCard.assertBodyContains({ error: { fields: [{ field: 'data.card_number' }] } })
    logs.stop()
    assert.notInclude(logs.text(), PAN)
    assert.notInclude(JSON.stringify(invalid.body()) + JSON.stringify(badCard.body()), PAN)
    assert.equal(Number((await db.from('upg_transactions').count('* as n'))[0].n), 0)
    assert.equal(Number((await db.from('upg_webhook_events').count('* as n'))[0].n), 0)

    // without a configured secret nothing is taken
    delete process.env.UPG_WEBHOOK_SECRET
    ;(await postEvent(client, event('evt-6', {}))).assertStatus(401)
  })
})

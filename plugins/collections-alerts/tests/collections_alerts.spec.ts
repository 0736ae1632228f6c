import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { SYSTEM_ACTOR } from '#sdk'
import { makeClient, plugins, signIn, truncateAfterEach } from '#sdk/testing'
import { raiseAlert } from '../backend/alert_book.ts'
import { ensureCatalogue } from '../backend/catalogue.ts'
import { sweepBrokenPromises } from '../backend/jobs.ts'
import {
  API,
  SECRET,
  WEBHOOK,
  activeOf,
  eventually,
  makeCampaign,
  makeResult,
  sign,
  typeId,
  type Session,
} from './helpers.ts'

const tomorrow = () => DateTime.utc().plus({ days: 2 }).toISODate()!

async function gestionSetup(client: Parameters<typeof signIn>[0]) {
  const supervisor = await signIn(client, 'supervisor')
  const agent = await signIn(client, 'agent')
  const campaignId = await makeCampaign([agent.user.id])
  const resultId = await makeResult(supervisor, campaignId, 'No quiere pagar')
  const clientId = await makeClient({ assigned_user_id: agent.user.id })
  const mapped = await supervisor
    .post('/api/r/ca_alert_mappings')
    .json({ result_id: resultId, alert_type_id: await typeId('no_quiere_pagar') })
  mapped.assertStatus(201)
  const record = (session: Session = agent) =>
    session
      .post('/api/p/tipificaciones/gestiones')
      .json({ clientId, campaignId, level1Id: resultId })
  return { supervisor, agent, campaignId, resultId, clientId, record }
}

test.group('collections-alerts: raised by gestiones (A1, A2)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))
  // the migration seeds the catalogue; another spec's truncation may have emptied it since
  group.each.setup(() => ensureCatalogue(db.connection()))

  test('the catalogue holds the seed types with their colours and groups', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const list = await supervisor.get('/api/r/ca_alert_types').qs({ perPage: 50 })
    list.assertStatus(200)
    const byKey = new Map(list.body().data.map((row: any) => [row.key, row]))
    assert.containsSubset(byKey.get('no_quiere_pagar'), { color: 'red', alert_group: 'payment' })
    assert.containsSubset(byKey.get('no_puede_pagar'), { color: 'gold', alert_group: 'payment' })
    assert.containsSubset(byKey.get('contactabilidad'), { color: 'orange', alert_group: 'contact' })
    assert.containsSubset(byKey.get('reestructuracion'), { alert_group: 'payment' })
    assert.containsSubset(byKey.get('refinanciacion'), { alert_group: 'payment' })
    const created = await supervisor.post('/api/r/ca_alert_types').json({
      name: 'Fallecido',
      color: 'magenta',
      icon: 'StopOutlined',
      alert_group: 'payment',
      lifted_by: 'manual',
    })
    created.assertStatus(201)
    const agent = await signIn(client, 'agent')
    ;(
      await agent
        .post('/api/r/ca_alert_types')
        .json({ name: 'X', color: 'red', alert_group: 'payment' })
    ).assertStatus(403)
  })

  test('a gestión with a mapped result raises the alert once, audited in the client log', async ({
    client,
    assert,
  }) => {
    const { agent, clientId, record } = await gestionSetup(client)
    ;(await record()).assertStatus(201)
    ;(await record()).assertStatus(201)
    const active = await activeOf(agent, clientId)
    assert.lengthOf(active, 1)
    assert.containsSubset(active[0], { name: 'No quiere pagar', color: 'red' })
    const rows = await db.from('ca_client_alerts').where('client_id', clientId)
    assert.lengthOf(rows, 1)
    assert.equal(Number(rows[0].raised_by), agent.user.id)
    const log = await agent.get(`/api/clients/${clientId}/log`)
    log.assertStatus(200)
    const raised = log
      .body()
      .data.filter((entry: any) => entry.action === 'collections-alerts.raised')
    assert.lengthOf(raised, 1)
  })

  test('a mapping to a deleted alert type is refused, and a deleted type raises nothing', async ({
    client,
    assert,
  }) => {
    const { supervisor, campaignId, clientId, record, agent } = await gestionSetup(client)
    const type = await supervisor.post('/api/r/ca_alert_types').json({
      name: 'Temporal',
      color: 'cyan',
      alert_group: 'payment',
      lifted_by: 'manual',
    })
    type.assertStatus(201)
    const typeRow = type.body().data
    ;(await supervisor.delete(`/api/r/ca_alert_types/${typeRow.id}`)).assertStatus(204)
    const otherResult = await makeResult(supervisor, campaignId, 'Otro')
    const refused = await supervisor
      .post('/api/r/ca_alert_mappings')
      .json({ result_id: otherResult, alert_type_id: typeRow.id })
    refused.assertStatus(422)
    assert.equal(refused.body().error.fields[0].field, 'alert_type_id')
    assert.lengthOf(await db.from('ca_alert_mappings').where('result_id', otherResult), 0)
    // the seeded type of the first mapping archived: the gestión raises nothing
    await db
      .from('ca_alert_types')
      .where('key', 'no_quiere_pagar')
      .update({ archived_at: '2026-01-01 00:00:00' })
    ;(await record()).assertStatus(201)
    assert.lengthOf(await activeOf(agent, clientId), 0)
  })
})

test.group('collections-alerts: concurrent raises (committed, separate transactions)', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test('two raises of the same alert at once leave one active alert', async ({ assert }) => {
    const clientId = await makeClient()
    const type = await typeId('no_puede_pagar')
    const input = { clientId, typeId: type, source: 'manual' as const, reason: 'prueba' }
    const results = await Promise.all([
      db.transaction((trx) => raiseAlert(trx, SYSTEM_ACTOR, input)),
      db.transaction((trx) => raiseAlert(trx, SYSTEM_ACTOR, input)),
    ])
    assert.sameMembers(
      results.map((result) => result.raised),
      [true, false]
    )
    assert.equal(results[0].id, results[1].id)
    assert.lengthOf(await db.from('ca_client_alerts').where('client_id', clientId), 1)
    assert.lengthOf(await db.from('ca_client_alert_flags').where('client_id', clientId), 1)
  })

  test('two bounces of one e-mail at once raise "correo no encontrado" once', async ({
    client,
    assert,
  }) => {
    process.env.COLLECTIONS_ALERTS_WEBHOOK_SECRET = SECRET
    try {
      const clientId = await makeClient({ email: 'doble@correo.test' })
      const send = (eventId: string) => {
        const body = { eventId, type: 'email.bounce', email: 'doble@correo.test' }
        return client.post(WEBHOOK).header('x-tablero-signature', sign(body)).json(body)
      }
      const answers = await Promise.all([send('evt-a'), send('evt-b')])
      answers.forEach((answer) => answer.assertStatus(200))
      assert.sameMembers(
        answers.map((answer) => answer.body().data.raised),
        [true, false]
      )
      assert.lengthOf(await db.from('ca_client_alerts').where('client_id', clientId), 1)
      assert.lengthOf(await db.from('ca_webhook_events'), 2)
    } finally {
      delete process.env.COLLECTIONS_ALERTS_WEBHOOK_SECRET
    }
  })
})

test.group('collections-alerts: lifted (A3, A4) and shown (A6)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('a payment lifts the payment alert; the clients list filters by alert before, not after', async ({
    client,
    assert,
  }) => {
    const { agent, supervisor, clientId, record } = await gestionSetup(client)
    ;(await record()).assertStatus(201)
    const type = await typeId('no_quiere_pagar')
    const filtered = () =>
      supervisor
        .get('/api/r/clients')
        .qs({ filter: JSON.stringify({ field: 'alerts', op: 'contains', value: type }) })
    const before = await filtered()
    before.assertStatus(200)
    assert.deepEqual(
      before.body().data.map((row: any) => row.id),
      [clientId]
    )
    assert.deepEqual(before.body().data[0].alerts, [type])

    const paid = await agent.post('/api/r/ca_payments').json({
      client_id: clientId,
      amount: 120.5,
      currency: 'PEN',
      paid_on: DateTime.utc().toISODate(),
    })
    paid.assertStatus(201)
    assert.lengthOf(await activeOf(agent, clientId), 0)
    const row = await db.from('ca_client_alerts').where('client_id', clientId).first()
    assert.equal(Number(row.lifted_by), agent.user.id)
    assert.equal(row.lifted_reason, 'Pago registrado')
    assert.lengthOf((await filtered()).body().data, 0)
    const log = await agent.get(`/api/clients/${clientId}/log`)
    assert.isTrue(
      log.body().data.some((entry: any) => entry.action === 'collections-alerts.lifted')
    )
  })

  test('a promise to pay with a past date or a negative amount is a 422; a valid one lifts', async ({
    client,
    assert,
  }) => {
    const { agent, clientId, record } = await gestionSetup(client)
    ;(await record()).assertStatus(201)
    const past = await agent.post('/api/r/ca_promises').json({
      client_id: clientId,
      amount: 100,
      promised_on: DateTime.utc().minus({ days: 3 }).toISODate(),
    })
    past.assertStatus(422)
    assert.equal(past.body().error.fields[0].field, 'promised_on')
    const negative = await agent
      .post('/api/r/ca_promises')
      .json({ client_id: clientId, amount: -5, promised_on: tomorrow() })
    negative.assertStatus(422)
    assert.equal(negative.body().error.fields[0].field, 'amount')
    assert.lengthOf(await db.from('ca_promises').where('client_id', clientId), 0)
    assert.lengthOf(await activeOf(agent, clientId), 1)

    const promised = await agent
      .post('/api/r/ca_promises')
      .json({ client_id: clientId, amount: 300, promised_on: tomorrow() })
    promised.assertStatus(201)
    assert.equal(promised.body().data.status, 'pending')
    assert.lengthOf(await activeOf(agent, clientId), 0)
  })

  test('a "pago a verificar" lifts payment alerts but not contactability ones', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    await db.transaction(async (trx) => {
      await raiseAlert(trx, SYSTEM_ACTOR, {
        clientId,
        typeId: await typeId('no_puede_pagar'),
        source: 'manual',
        reason: 'a',
      })
      await raiseAlert(trx, SYSTEM_ACTOR, {
        clientId,
        typeId: await typeId('contactabilidad'),
        channel: 'email',
        detail: 'email_not_found',
        source: 'manual',
        reason: 'b',
      })
    })
    const reported = await agent
      .post('/api/r/ca_payments_to_verify')
      .json({ client_id: clientId, amount: 80, reported_on: DateTime.utc().toISODate() })
    reported.assertStatus(201)
    assert.deepEqual(
      (await activeOf(agent, clientId)).map((alert) => alert.channel),
      ['email']
    )
  })

  test('"Quitar alerta" lifts by hand; lifting it again is a 409 that changes nothing', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    const { id } = await db.transaction((trx) =>
      typeId('reestructuracion').then((type) =>
        raiseAlert(trx, SYSTEM_ACTOR, {
          clientId,
          typeId: type,
          source: 'gestion',
          reason: 'gestión',
        })
      )
    )
    const lifted = await agent
      .post(`${API}/alerts/${id}/lift`)
      .json({ reason: 'Cliente regularizó' })
    lifted.assertStatus(200)
    assert.equal(lifted.body().data.lifted_reason, 'Cliente regularizó')
    const again = await agent.post(`${API}/alerts/${id}/lift`).json({})
    again.assertStatus(409)
    again.assertBodyContains({ error: { code: 'ALREADY_LIFTED' } })
    const row = await db.from('ca_client_alerts').where('id', id).first()
    assert.equal(row.lifted_reason, 'Cliente regularizó')
    const entries = await db
      .from('audit_logs')
      .where('resource', 'ca_client_alerts')
      .where('record_id', String(id))
      .where('action', 'collections-alerts.lifted')
    assert.lengthOf(entries, 1)
  })

  test('an agent may not lift the alert of a client it cannot see', async ({ client, assert }) => {
    const agent = await signIn(client, 'agent')
    const clientId = await makeClient()
    const { id } = await db.transaction(async (trx) =>
      raiseAlert(trx, SYSTEM_ACTOR, {
        clientId,
        typeId: await typeId('refinanciacion'),
        source: 'gestion',
        reason: 'x',
      })
    )
    const refused = await agent.post(`${API}/alerts/${id}/lift`).json({})
    refused.assertStatus(404)
    const row = await db.from('ca_client_alerts').where('id', id).first()
    assert.isNotNull(row.active_key)
  })
})

test.group('collections-alerts: the channels webhook (A2, A3)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))
  group.each.setup(() => {
    process.env.COLLECTIONS_ALERTS_WEBHOOK_SECRET = SECRET
    return () => {
      delete process.env.COLLECTIONS_ALERTS_WEBHOOK_SECRET
    }
  })

  test('a signed e-mail bounce raises "correo no encontrado" on the e-mail; a replay is a 409', async ({
    client,
    assert,
  }) => {
    const clientId = await makeClient({ email: 'rebota@correo.test' })
    const body = { eventId: 'evt-1', type: 'email.bounce', email: 'Rebota@correo.test' }
    const first = await client.post(WEBHOOK).header('x-tablero-signature', sign(body)).json(body)
    first.assertStatus(200)
    assert.isTrue(first.body().data.raised)
    const rows = await db.from('ca_client_alerts').where('client_id', clientId)
    assert.lengthOf(rows, 1)
    assert.containsSubset(rows[0], {
      detail: 'email_not_found',
      channel: 'email',
      channel_value: 'rebota@correo.test',
      source: 'webhook',
    })
    const replay = await client.post(WEBHOOK).header('x-tablero-signature', sign(body)).json(body)
    replay.assertStatus(409)
    assert.lengthOf(await db.from('ca_client_alerts').where('client_id', clientId), 1)
  })

  test('an unsigned or badly signed call is a 401 and changes nothing', async ({
    client,
    assert,
  }) => {
    await makeClient({ email: 'firma@correo.test' })
    const body = { eventId: 'evt-2', type: 'email.bounce', email: 'firma@correo.test' }
    ;(await client.post(WEBHOOK).json(body)).assertStatus(401)
    ;(
      await client
        .post(WEBHOOK)
        .header('x-tablero-signature', sign(body, 'otro-secreto'))
        .json(body)
    ).assertStatus(401)
    const tampered = { ...body, eventId: 'evt-3' }
    ;(
      await client.post(WEBHOOK).header('x-tablero-signature', sign(body)).json(tampered)
    ).assertStatus(401)
    assert.lengthOf(await db.from('ca_client_alerts'), 0)
    assert.lengthOf(await db.from('ca_webhook_events'), 0)
  })

  test('while the plugin is off its webhook answers 404 PLUGIN_DISABLED', async ({
    client,
    assert,
  }) => {
    await makeClient({ email: 'apagado@correo.test' })
    const body = { eventId: 'evt-off', type: 'email.bounce', email: 'apagado@correo.test' }
    await plugins.disable('collections-alerts', SYSTEM_ACTOR)
    try {
      const answer = await client.post(WEBHOOK).header('x-tablero-signature', sign(body)).json(body)
      answer.assertStatus(404)
      answer.assertBodyContains({ error: { code: 'PLUGIN_DISABLED' } })
      assert.lengthOf(await db.from('ca_webhook_events'), 0)
    } finally {
      await plugins.enable('collections-alerts', SYSTEM_ACTOR)
    }
  })

  test('an unknown client or channel is a 4xx and records nothing', async ({ client, assert }) => {
    const unknown = { eventId: 'evt-4', type: 'email.bounce', email: 'nadie@correo.test' }
    const answer = await client
      .post(WEBHOOK)
      .header('x-tablero-signature', sign(unknown))
      .json(unknown)
    answer.assertStatus(404)
    const noChannel = { eventId: 'evt-5', type: 'whatsapp.contact_not_found' }
    ;(
      await client.post(WEBHOOK).header('x-tablero-signature', sign(noChannel)).json(noChannel)
    ).assertStatus(422)
    const badType = { eventId: 'evt-6', type: 'sms.lost', phone: '+51987654321' }
    ;(
      await client.post(WEBHOOK).header('x-tablero-signature', sign(badType)).json(badType)
    ).assertStatus(422)
    assert.lengthOf(await db.from('ca_client_alerts'), 0)
    assert.lengthOf(await db.from('ca_webhook_events'), 0)
  })

  test('WhatsApp "contact not found" marks the phone; a new phone lifts it', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const clientId = await makeClient({ primary_phone: '+51987654321' })
    const body = { eventId: 'evt-7', type: 'whatsapp.contact_not_found', phone: '+51 987 654 321' }
    ;(await client.post(WEBHOOK).header('x-tablero-signature', sign(body)).json(body)).assertStatus(
      200
    )
    assert.deepEqual(
      (await activeOf(supervisor, clientId)).map((alert) => alert.channel),
      ['whatsapp']
    )
    const added = await supervisor
      .post('/api/r/client_phones')
      .json({ client_id: clientId, e164: '+51912345678', label: 'nuevo' })
    added.assertStatus(201)
    const after = await eventually(
      () => activeOf(supervisor, clientId),
      (alerts) => alerts.length === 0
    )
    assert.lengthOf(after, 0)
  })
})

test.group('collections-alerts: broken promises (A2)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('a promise past its date plus grace with no payment is broken and raises the alert', async ({
    assert,
  }) => {
    const broken = await makeClient()
    const kept = await makeClient()
    const onTime = await makeClient()
    const promise = (clientId: number, promisedOn: string) => ({
      client_id: clientId,
      amount: 100,
      currency: 'PEN',
      promised_on: promisedOn,
      status: 'pending',
      created_at: '2026-03-01 10:00:00',
    })
    await db
      .table('ca_promises')
      .multiInsert([
        promise(broken, '2026-03-05'),
        promise(kept, '2026-03-05'),
        promise(onTime, '2026-03-09'),
      ])
    await db.table('ca_payments').insert({
      client_id: kept,
      amount: 100,
      currency: 'PEN',
      paid_on: '2026-03-04',
      created_at: '2026-03-04 09:00:00',
    })
    const result = await sweepBrokenPromises('2026-03-10')
    assert.deepEqual(result, { broken: 1 })
    const statuses = await db.from('ca_promises').orderBy('client_id').select('client_id', 'status')
    assert.deepEqual(
      statuses.map((row) => [Number(row.client_id), row.status]),
      [
        [broken, 'broken'],
        [kept, 'kept'],
        [onTime, 'pending'],
      ]
    )
    const alerts = await db.from('ca_client_alerts').whereNotNull('active_key')
    assert.deepEqual(
      alerts.map((row) => Number(row.client_id)),
      [broken]
    )
    assert.deepEqual((await sweepBrokenPromises('2026-03-10')).broken, 0)
  })
})

test.group('collections-alerts: portfolio (A7)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('debts sort by days overdue and by amount both ways, and filter by days overdue', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const clientId = await makeClient()
    const today = DateTime.utc()
    for (const [product, amount, days] of [
      ['A', 500, 10],
      ['B', 100, 90],
      ['C', 900, 40],
    ] as const) {
      const created = await supervisor.post('/api/r/ca_debts').json({
        client_id: clientId,
        product,
        amount,
        currency: 'PEN',
        due_date: today.minus({ days }).toISODate(),
      })
      created.assertStatus(201)
    }
    const products = async (qs: Record<string, string>) => {
      const list = await supervisor.get('/api/r/ca_debts').qs(qs)
      list.assertStatus(200)
      return list.body().data.map((row: any) => row.product)
    }
    // most days overdue first = oldest due date first
    assert.deepEqual(await products({ sort: 'due_date' }), ['B', 'C', 'A'])
    assert.deepEqual(await products({ sort: '-due_date' }), ['A', 'C', 'B'])
    assert.deepEqual(await products({ sort: '-amount' }), ['C', 'A', 'B'])
    assert.deepEqual(await products({ sort: 'amount' }), ['B', 'A', 'C'])
    const over30 = JSON.stringify({
      field: 'due_date',
      op: 'lt',
      value: today.minus({ days: 30 }).toISODate(),
    })
    assert.deepEqual(await products({ sort: 'due_date', filter: over30 }), ['B', 'C'])
  })
})

test.group('collections-alerts: contactability indicators (A5)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('counts no contactable, con problemas, contactable and nuevos per campaign and agent', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const campaignId = await makeCampaign([agent.user.id])
    const owned = { campaign_id: campaignId, assigned_user_id: agent.user.id }
    const unreachable = await makeClient(owned)
    const troubled = await makeClient(owned)
    const reached = await makeClient({ ...owned, last_interaction_at: '2026-03-01 10:00:00' })
    const fresh = await makeClient(owned)
    const contact = await typeId('contactabilidad')
    await db.transaction(async (trx) => {
      for (const [clientId, channel] of [
        [unreachable, 'phone'],
        [unreachable, 'email'],
        [troubled, 'email'],
      ] as const) {
        await raiseAlert(trx, SYSTEM_ACTOR, {
          clientId,
          typeId: contact,
          channel,
          source: 'webhook',
          reason: 'prueba',
        })
      }
    })
    const answer = await supervisor.get(`${API}/indicators`)
    answer.assertStatus(200)
    const row = answer.body().data.find((entry: any) => entry.campaign_id === campaignId)
    assert.deepEqual(row, {
      campaign_id: campaignId,
      user_id: agent.user.id,
      no_contactable: 1,
      with_problems: 1,
      contactable: 1,
      new: 1,
    })
    ;(await agent.get(`${API}/indicators`)).assertStatus(403)

    // the clients list's "Contactabilidad" filter agrees with the indicators
    const states = await db.from('ca_contactability_states').select('id', 'key')
    const stateId = (key: string) => Number(states.find((state) => state.key === key).id)
    const clientsIn = async (filter: unknown) => {
      const list = await supervisor.get('/api/r/clients').qs({
        filter: JSON.stringify({
          and: [{ field: 'campaign_id', op: 'eq', value: campaignId }, filter],
        }),
      })
      list.assertStatus(200)
      return list.body().data.map((entry: any) => entry.id)
    }
    assert.deepEqual(
      await clientsIn({
        field: 'contactability',
        op: 'contains',
        value: stateId('no_contactable'),
      }),
      [unreachable]
    )
    assert.deepEqual(
      await clientsIn({ field: 'contactability', op: 'contains', value: stateId('with_problems') }),
      [troubled]
    )
    assert.lengthOf(await clientsIn({ field: 'contactability', op: 'null', value: null }), 2)
    // the filter offers the four values (seed 003), each the indicators' rule
    const offered = await supervisor.get('/api/r/ca_contactability_states')
    assert.sameMembers(
      offered.body().data.map((state: any) => state.name),
      ['No contactable', 'Con problemas de contactabilidad', 'Contactable', 'Nuevo']
    )
    assert.deepEqual(
      await clientsIn({ field: 'contactability', op: 'contains', value: stateId('contactable') }),
      [reached]
    )
    assert.deepEqual(
      await clientsIn({ field: 'contactability', op: 'contains', value: stateId('new') }),
      [fresh]
    )
    assert.sameMembers(
      await clientsIn({
        field: 'contactability',
        op: 'in',
        value: [stateId('no_contactable'), stateId('new')],
      }),
      [unreachable, fresh]
    )
    // every client's "Contactabilidad" cell names its state, the two rowless ones included, in
    // the list and on the record (the export: alerts_everywhere.spec)
    const list = await supervisor.get('/api/r/clients').qs({
      filter: JSON.stringify({ field: 'campaign_id', op: 'eq', value: campaignId }),
    })
    const cells = new Map(list.body().data.map((entry: any) => [entry.id, entry.contactability]))
    assert.deepEqual(cells.get(unreachable), [stateId('no_contactable')])
    assert.deepEqual(cells.get(troubled), [stateId('with_problems')])
    assert.deepEqual(cells.get(reached), [stateId('contactable')])
    assert.deepEqual(cells.get(fresh), [stateId('new')])
    const record = await supervisor.get(`/api/r/clients/${fresh}`)
    assert.deepEqual(record.body().data.contactability, [stateId('new')])
    // a new e-mail lifts the e-mail alert: the unreachable client has problems on the phone only
    const added = await supervisor
      .post('/api/r/client_emails')
      .json({ client_id: unreachable, email: 'nuevo@correo.test' })
    added.assertStatus(201)
    const withProblems = await eventually(
      () => clientsIn({ field: 'contactability', op: 'contains', value: stateId('with_problems') }),
      (ids: number[]) => ids.length === 2
    )
    assert.sameMembers(withProblems, [unreachable, troubled])
  })
})

test.group('collections-alerts: client merge', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test("a merge moves the merged client's portfolio and alerts; a type both had stays up once", async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const survivorId = await makeClient()
    const mergedId = await makeClient()
    const refused = await typeId('no_quiere_pagar')
    const restructure = await typeId('reestructuracion')
    await db.transaction(async (trx) => {
      for (const [clientId, type] of [
        [survivorId, refused],
        [mergedId, refused],
        [mergedId, restructure],
      ]) {
        await raiseAlert(trx, SYSTEM_ACTOR, {
          clientId,
          typeId: type,
          source: 'manual',
          reason: 'x',
        })
      }
    })
    await db.table('ca_debts').insert({
      client_id: mergedId,
      product: 'Tarjeta',
      amount: 100,
      currency: 'PEN',
      due_date: '2026-01-01',
      created_at: '2026-01-01 00:00:00',
    })
    const merge = await admin
      .post(`/api/clients/${survivorId}/merge`)
      .json({ otherId: mergedId, survivorId, confirm: true })
    merge.assertStatus(200)
    assert.lengthOf(await db.from('ca_debts').where('client_id', survivorId), 1)
    const active = await activeOf(admin, survivorId)
    assert.sameMembers(
      active.map((alert) => alert.name),
      ['No quiere pagar', 'Reestructuración']
    )
    const flags = await db.from('ca_client_alert_flags').where('client_id', survivorId)
    assert.lengthOf(flags, 2)
  })
})

test.group('collections-alerts: segments (A8)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('a supervisor counts a segment "no puede pagar OR (contactabilidad = con problemas AND campaña)" as it is edited, then saves it', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await makeCampaign()
    const cannotPay = await makeClient()
    const troubledHere = await makeClient({ campaign_id: campaignId })
    await makeClient({ campaign_id: campaignId })
    const troubledElsewhere = await makeClient()
    await db.transaction(async (trx) => {
      await raiseAlert(trx, SYSTEM_ACTOR, {
        clientId: cannotPay,
        typeId: await typeId('no_puede_pagar'),
        source: 'manual',
        reason: 'x',
      })
      for (const clientId of [troubledHere, troubledElsewhere]) {
        await raiseAlert(trx, SYSTEM_ACTOR, {
          clientId,
          typeId: await typeId('contactabilidad'),
          channel: 'email',
          source: 'webhook',
          reason: 'x',
        })
      }
    })
    const problems = await db.from('ca_contactability_states').where('key', 'with_problems').first()
    const first = { field: 'alerts', op: 'contains', value: await typeId('no_puede_pagar') }
    const count = async (filter: unknown) => {
      const answer = await supervisor.post(`${API}/segments/count`).json({ filter })
      answer.assertStatus(200)
      return answer.body().data.total
    }
    assert.equal(await count(first), 1)
    assert.equal(await count(null), Number((await db.from('clients').count('* as n').first()).n))
    const tree = {
      or: [
        first,
        {
          and: [
            { field: 'contactability', op: 'contains', value: Number(problems.id) },
            { field: 'campaign_id', op: 'eq', value: campaignId },
          ],
        },
      ],
    }
    assert.equal(await count(tree), 2)
    const bad = await supervisor
      .post(`${API}/segments/count`)
      .json({ filter: { field: 'nope', op: 'eq', value: 1 } })
    bad.assertStatus(422)

    const saved = await supervisor
      .post(`${API}/segments`)
      .json({ name: 'Cobranza difícil', filter: tree })
    saved.assertStatus(201)
    assert.equal(saved.body().data.total, 2)
    const again = await supervisor.get(`${API}/segments/${saved.body().data.id}/count`)
    assert.equal(again.body().data.total, 2)
    // the same tree filters the clients list
    const list = await supervisor.get('/api/r/clients').qs({ filter: saved.body().data.filter })
    assert.sameMembers(
      list.body().data.map((row: any) => row.id),
      [cannotPay, troubledHere]
    )
    ;(await supervisor.post('/api/r/ca_segments').json({ name: 'x', filter: '{}' })).assertStatus(
      403
    )
    const agent = await signIn(client, 'agent')
    ;(await agent.post(`${API}/segments/count`).json({ filter: first })).assertStatus(403)
  })
})

import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeUser, signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'
import { startFakeGateway } from '#tests/helpers/fake_gateway'

const ids = (response: { body(): any }) => response.body().data.map((row: { id: number }) => row.id)

test.group('Clients: search and caller-ID lookup', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('searches by name prefix (accents ignored), document, phone and e-mail', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const jose = await makeClient({ first_name: 'José', last_name: 'Núñez', document: '99887766' })
    const joselyn = await makeClient({
      first_name: 'Joselyn',
      last_name: 'Ríos',
      email: 'joselyn@rios.test',
    })
    const ana = await makeClient({ first_name: 'Ana', primary_phone: '+573001234567' })
    await db.table('client_phones').insert({
      client_id: jose,
      e164: '+525512345678',
      is_primary: 0,
      verified: 0,
      created_at: '2026-01-01 00:00:00',
    })
    const search = (q: string) => admin.get('/api/r/clients').qs({ q, sort: 'id' })
    assert.deepEqual(ids(await search('jose')), [jose, joselyn])
    assert.deepEqual(ids(await search('José Nú')), [jose])
    assert.deepEqual(ids(await search('99887766')), [jose])
    assert.deepEqual(ids(await search('+57 300 123 4567')), [ana])
    assert.deepEqual(ids(await search('525512345678')), [jose])
    assert.deepEqual(ids(await search('JOSELYN@rios')), [joselyn])
    assert.deepEqual(ids(await search('100%_')), [])
  })

  test('screen-pop lookup finds the client by any of its phones', async ({ client, assert }) => {
    const agent = await signIn(client, 'agent')
    const mine = await makeClient({
      primary_phone: '+573001234567',
      assigned_user_id: agent.user.id,
    })
    const lookup = await agent.get('/api/clients/lookup').qs({ phone: '573001234567' })
    lookup.assertStatus(200)
    assert.deepEqual(ids(lookup), [mine])
    assert.equal(lookup.body().meta.phone, '+573001234567')
    const none = await agent.get('/api/clients/lookup').qs({ phone: '+34612345678' })
    assert.deepEqual(ids(none), [])
    ;(await agent.get('/api/clients/lookup').qs({ phone: 'abc' })).assertStatus(422)
  })

  test("the lookup respects the agent's scope", async ({ client, assert }) => {
    const agent = await signIn(client, 'agent')
    const other = await makeUser('agent')
    await makeClient({ primary_phone: '+573001234567', assigned_user_id: other.id })
    const lookup = await agent.get('/api/clients/lookup').qs({ phone: '+573001234567' })
    assert.deepEqual(ids(lookup), [])
  })
})

test.group('Clients: notifications', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => {
    delete process.env.MESSAGING_PROVIDER
    delete process.env.MESSAGING_HTTP_URL
  })

  test('an SMS over 160 characters is refused and nothing is written', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const id = await makeClient({ primary_phone: '+573001234567', assigned_user_id: agent.user.id })
    const response = await agent
      .post(`/api/clients/${id}/notify`)
      .json({ channel: 'sms', body: 'x'.repeat(161) })
    response.assertStatus(422)
    assert.equal(response.body().error.code, 'SMS_TOO_LONG')
    const messages = await db.from('client_messages').where('client_id', id)
    assert.lengthOf(messages, 0)
  })

  test('an SMS with a character outside GSM-7 is UCS-2 and refused over 70, saying why', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const id = await makeClient({ primary_phone: '+573001234567', assigned_user_id: agent.user.id })
    const body = `Su cita es mañana: traiga el código ${'x'.repeat(35)}`
    const english = await agent
      .post(`/api/clients/${id}/notify`)
      .header('accept-language', 'en')
      .json({ channel: 'sms', body })
    english.assertStatus(422)
    assert.equal(english.body().error.code, 'SMS_TOO_LONG')
    assert.equal(
      english.body().error.message,
      'An SMS in UCS-2 (characters outside GSM-7: ó) holds at most 70 characters; this one counts 71'
    )
    assert.containsSubset(english.body().error.fields, [
      { field: 'body', meta: { length: 71, limit: 70, encoding: 'UCS-2' } },
    ])

    const spanish = await agent
      .post(`/api/clients/${id}/notify`)
      .header('accept-language', 'es')
      .json({ channel: 'sms', body })
    assert.equal(
      spanish.body().error.message,
      'Un SMS en UCS-2 (caracteres fuera de GSM-7: ó) admite como máximo 70 caracteres; este cuenta 71'
    )
    assert.equal(
      spanish.body().error.fields[0].message,
      '71/70 caracteres en UCS-2 (caracteres fuera de GSM-7: ó): acórtelo para que quepa en un SMS'
    )
    assert.lengthOf(await db.from('client_messages').where('client_id', id), 0)
  })

  test('characters of the GSM-7 extension table count two toward the 160', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const id = await makeClient({ primary_phone: '+573001234567', assigned_user_id: agent.user.id })
    const response = await agent
      .post(`/api/clients/${id}/notify`)
      .json({ channel: 'sms', body: `${'x'.repeat(151)} [10 €]` })
    response.assertStatus(422)
    assert.containsSubset(response.body().error.fields, [
      { field: 'body', meta: { length: 161, limit: 160, encoding: 'GSM-7' } },
    ])
    assert.lengthOf(await db.from('client_messages').where('client_id', id), 0)

    const fits = await agent
      .post(`/api/clients/${id}/notify`)
      .json({ channel: 'sms', body: `Señor Muñoz, é ü à ${'x'.repeat(141)}` })
    fits.assertStatus(201)
  })

  test('an SMS goes through the HTTP provider and lands in the client log', async ({
    client,
    assert,
  }) => {
    const gateway = await startFakeGateway({ status: 200, body: { id: 'gw-42' } })
    process.env.MESSAGING_PROVIDER = 'http'
    process.env.MESSAGING_HTTP_URL = gateway.url
    try {
      const agent = await signIn(client, 'agent')
      const id = await makeClient({
        primary_phone: '+573001234567',
        assigned_user_id: agent.user.id,
      })
      const response = await agent
        .post(`/api/clients/${id}/notify`)
        .json({ channel: 'sms', body: 'Su pago fue recibido. Gracias.' })
      response.assertStatus(201)
      assert.containsSubset(response.body().data, {
        status: 'sent',
        destination: '+573001234567',
        providerMessageId: 'gw-42',
      })
      assert.deepEqual(gateway.received[0].body, {
        channel: 'sms',
        to: '+573001234567',
        body: 'Su pago fue recibido. Gracias.',
      })
      const log = await agent.get(`/api/clients/${id}/log`)
      assert.equal(log.body().data[0].action, 'notify.sms')
      const dashboard = await agent.get(`/api/clients/${id}/dashboard`)
      assert.deepEqual(dashboard.body().data.byChannel, [{ channel: 'sms', total: 1 }])
    } finally {
      await gateway.close()
    }
  })

  test('a gateway failure answers 502 and the failed message is still logged', async ({
    client,
    assert,
  }) => {
    const gateway = await startFakeGateway({ status: 500, body: { error: 'down' } })
    process.env.MESSAGING_PROVIDER = 'http'
    process.env.MESSAGING_HTTP_URL = gateway.url
    try {
      const admin = await signIn(client, 'admin')
      const id = await makeClient({ email: 'ana@correo.test' })
      const response = await admin
        .post(`/api/clients/${id}/notify`)
        .json({ channel: 'email', subject: 'Hola', body: 'Texto' })
      response.assertStatus(502)
      assert.equal(response.body().error.code, 'MESSAGE_NOT_SENT')
      const message = await db.from('client_messages').where('client_id', id).firstOrFail()
      assert.equal(message.status, 'failed')
      assert.include(message.error, '500')
    } finally {
      await gateway.close()
    }
  })

  test('an e-mail needs a subject and an address', async ({ client }) => {
    const admin = await signIn(client, 'admin')
    const id = await makeClient({ email: null })
    ;(
      await admin.post(`/api/clients/${id}/notify`).json({ channel: 'email', body: 'x' })
    ).assertStatus(422)
    const noAddress = await admin
      .post(`/api/clients/${id}/notify`)
      .json({ channel: 'email', subject: 's', body: 'x' })
    noAddress.assertStatus(422)
    noAddress.assertBodyContains({ error: { code: 'NO_DESTINATION' } })
  })
})

test.group('Clients: duplicates and merge', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('finds duplicates by phone or e-mail and merges into the chosen survivor', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const a = await makeClient({
      first_name: 'Ana',
      last_name: null,
      primary_phone: '+573001234567',
      email: 'ana@correo.test',
    })
    const b = await makeClient({
      first_name: 'Ana María',
      last_name: 'Ruiz',
      document: '123',
      email: 'ana@correo.test',
      vip: 1,
    })
    await db.table('client_phones').insert({
      client_id: b,
      e164: '+573001234567',
      is_primary: 1,
      verified: 1,
      created_at: '2026-01-01 00:00:00',
    })
    await db.table('client_phones').insert({
      client_id: b,
      e164: '+34612345678',
      is_primary: 0,
      verified: 0,
      created_at: '2026-01-01 00:00:00',
    })
    await admin.post('/api/r/client_notes').json({ client_id: b, body: 'nota de B' })

    const duplicates = await admin.get(`/api/clients/${a}/duplicates`)
    assert.deepEqual(ids(duplicates), [b])

    const merged = await admin
      .post(`/api/clients/${a}/merge`)
      .json({ otherId: b, survivorId: a, confirm: true })
    merged.assertStatus(200)
    assert.isNull(await db.from('clients').where('id', b).first())
    const survivor = await db.from('clients').where('id', a).firstOrFail()
    assert.containsSubset(survivor, {
      last_name: 'Ruiz',
      document: '123',
      primary_phone: '+573001234567',
    })
    assert.isTrue(Boolean(Number(survivor.vip)))
    const phones = await db.from('client_phones').where('client_id', a).orderBy('e164')
    assert.deepEqual(
      phones.map((p) => p.e164),
      ['+34612345678', '+573001234567']
    )
    const notes = await db.from('client_notes').where('client_id', a)
    assert.lengthOf(notes, 1)
    const log = await admin.get(`/api/clients/${a}/log`)
    assert.equal(log.body().data[0].action, 'merge')
    assert.isTrue(log.body().data.some((e: { resource: string }) => e.resource === 'client_notes'))
  })

  test('merging into itself, without confirmation, or by an agent is refused', async ({
    client,
  }) => {
    const admin = await signIn(client, 'admin')
    const agent = await signIn(client, 'agent')
    const a = await makeClient({ assigned_user_id: agent.user.id })
    const b = await makeClient({ assigned_user_id: agent.user.id })
    ;(
      await admin.post(`/api/clients/${a}/merge`).json({ otherId: a, survivorId: a, confirm: true })
    ).assertStatus(422)
    ;(await admin.post(`/api/clients/${a}/merge`).json({ otherId: b, survivorId: a })).assertStatus(
      422
    )
    ;(
      await admin
        .post(`/api/clients/${a}/merge`)
        .json({ otherId: b, survivorId: 999, confirm: true })
    ).assertStatus(422)
    ;(
      await agent.post(`/api/clients/${a}/merge`).json({ otherId: b, survivorId: a, confirm: true })
    ).assertStatus(403)
  })
})

test.group('Clients: the dashboard by day', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("a Bogotá user's day on the dashboard runs to local midnight", async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, await makeUser('admin', { timezone: 'America/Bogota' }))
    const id = await makeClient()
    // 23:30 on 10 November in Bogotá (UTC−5) is 04:30 on the 11th in UTC.
    await db.table('client_interactions').insert({
      client_id: id,
      channel: 'voice',
      direction: 'out',
      source: 'call',
      occurred_at: '2026-11-11 04:30:00',
    })
    const onDay = async (day: string) =>
      (await admin.get(`/api/clients/${id}/dashboard`).qs({ from: day, to: day })).body().data
    assert.deepEqual((await onDay('2026-11-10')).byChannel, [{ channel: 'voice', total: 1 }])
    assert.deepEqual((await onDay('2026-11-11')).byChannel, [])
  })
})

import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeUser, signIn } from '#tests/helpers/auth'
import { makeCampaign } from '#tests/helpers/campaigns'
import { makeClient } from '#tests/helpers/clients'
import { truncateAfterEach } from '#tests/helpers/database'
import { importFile } from '#tests/helpers/imports'

const ids = (response: { body(): any }) =>
  response
    .body()
    .data.map((row: { id: number }) => row.id)
    .sort((a: number, b: number) => a - b)

/** A campaign worked by these agents. */
test.group('Clients: search by any word of the names (C14)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('any word finds by prefix, in any order, accents and case ignored', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const maria = await makeClient({ first_name: 'María', last_name: 'Villanueva Cruz' })
    const mario = await makeClient({ first_name: 'Mario', last_name: 'Palacios' })
    const jose = await makeClient({ first_name: 'José Luis', last_name: 'Núñez-Cruz' })
    const search = async (q: string) => ids(await supervisor.get('/api/r/clients').qs({ q }))

    assert.deepEqual(await search('Palacios'), [mario])
    assert.deepEqual(await search('pala'), [mario])
    assert.deepEqual(await search('Villanueva'), [maria])
    // the second surname alone
    assert.deepEqual(await search('cruz'), [maria, jose])
    assert.deepEqual(await search('cruz maría'), [maria])
    assert.deepEqual(await search('CRUZ MARIA'), [maria])
    assert.deepEqual(await search('nunez luis'), [jose])
    assert.deepEqual(await search('mar'), [maria, mario])
    // every word must match
    assert.deepEqual(await search('mario cruz'), [])
    // a word inside another word is no prefix
    assert.deepEqual(await search('anueva'), [])
  })

  test('a client whose names hold the prefix twice is found once, with its total', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const twice = await makeClient({ first_name: 'Mariana', last_name: 'Marín Ana' })
    const once = await makeClient({ first_name: 'Ana', last_name: 'Maroto' })
    const list = async (q: string) => {
      const response = await supervisor.get('/api/r/clients').qs({ q })
      return { ids: ids(response), total: response.body().meta.total }
    }

    assert.deepEqual(await list('mar'), { ids: [twice, once], total: 2 })
    assert.deepEqual(await list('ana'), { ids: [twice, once], total: 2 })
    assert.deepEqual(await list('ana mar'), { ids: [twice, once], total: 2 })
    assert.deepEqual(await list('marin mariana'), { ids: [twice], total: 1 })
    // a word of the search must start a word of the names
    assert.deepEqual(await list('rin'), { ids: [], total: 0 })
  })

  test('a rename re-indexes the words; a deletion drops them', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const created = await admin.post('/api/r/clients').json({
      first_name: 'Ramón',
      last_name: 'Ortega Solís',
    })
    created.assertStatus(201)
    const id = created.body().data.id
    const search = async (q: string) => ids(await admin.get('/api/r/clients').qs({ q }))
    assert.deepEqual(await search('solis'), [id])

    ;(await admin.patch(`/api/r/clients/${id}`).json({ last_name: 'Ortega Bravo' })).assertStatus(
      200
    )
    assert.deepEqual(await search('solis'), [])
    assert.deepEqual(await search('bravo ramon'), [id])

    ;(await admin.delete(`/api/r/clients/${id}`)).assertStatus(204)
    const words = await db.from('client_name_words').where('client_id', id)
    assert.lengthOf(words, 0)
  })
})

test.group('Clients: a merge keeps what search reads (C12, C14)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the survivor is found by the surname and document it took from the merged client', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const survivor = await makeClient({ first_name: 'Mario', last_name: null })
    const merged = await makeClient({
      first_name: 'Mario',
      last_name: 'Palacios Vega',
      document: '15926822-5',
    })
    const response = await admin
      .post(`/api/clients/${survivor}/merge`)
      .json({ otherId: merged, survivorId: survivor, confirm: true })
    response.assertStatus(200)
    const search = async (q: string) => ids(await admin.get('/api/r/clients').qs({ q }))
    assert.deepEqual(await search('vega mario'), [survivor])
    assert.deepEqual(await search('15926822'), [survivor])
  })
})

test.group('Clients: an import indexes the names it creates (C14)', (group) => {
  // The import runs outside the request, on its own connection: commit and truncate.
  group.each.setup(() => truncateAfterEach())
  group.each.timeout(120_000)

  test('every imported client is found by any word of its names', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const done = await importFile(
      supervisor,
      'first_name,last_name,document\nInés,de la Fuente Ríos,7.654.321-0\nÓscar,Ríos Peña,\n'
    )
    assert.equal(done.createdRows, 2)
    const search = async (q: string) =>
      (await supervisor.get('/api/r/clients').qs({ q, sort: 'id' }))
        .body()
        .data.map((row: { first_name: string }) => row.first_name)
    assert.deepEqual(await search('rios'), ['Inés', 'Óscar'])
    assert.deepEqual(await search('fuente ines'), ['Inés'])
    assert.deepEqual(await search('pena oscar'), ['Óscar'])
    assert.deepEqual(await search('7654321'), ['Inés'])
  })
})

test.group('Clients: search by partial document and phone (C14)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a partial document finds the client, punctuation and check digit ignored', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const rut = await makeClient({ first_name: 'Carla', document: '15926822-5' })
    const dotted = await makeClient({ first_name: 'Pedro', document: '12.345.678-K' })
    const search = async (q: string) => ids(await supervisor.get('/api/r/clients').qs({ q }))

    assert.deepEqual(await search('15926822'), [rut])
    assert.deepEqual(await search('15.926.822-5'), [rut])
    assert.deepEqual(await search('159268225'), [rut])
    assert.deepEqual(await search('12345678'), [dotted])
    assert.deepEqual(await search('12345678k'), [dotted])
    assert.deepEqual(await search('26822'), [])
  })

  test('an edited document is searched by its new value', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const created = await admin
      .post('/api/r/clients')
      .json({ first_name: 'Lucía', document: '80.111.222-3' })
    const id = created.body().data.id
    const search = async (q: string) => ids(await admin.get('/api/r/clients').qs({ q }))
    assert.deepEqual(await search('80111222'), [id])
    await admin.patch(`/api/r/clients/${id}`).json({ document: '90.333.444-5' })
    assert.deepEqual(await search('80111222'), [])
    assert.deepEqual(await search('90333444'), [id])
  })

  test('a partial phone searches: the last 6-8 digits or the number without country code', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const ana = await makeClient({ first_name: 'Ana', primary_phone: '+573001234567' })
    const otra = await makeClient({ first_name: 'Otra', primary_phone: '+525598765432' })
    const search = (q: string) =>
      supervisor.get('/api/r/clients').header('accept-language', 'es').qs({ q })

    for (const q of [
      '234567',
      '1234567',
      '01234567',
      '3001234567',
      '300 123 4567',
      '+57 300 123 4567',
    ]) {
      const found = await search(q)
      found.assertStatus(200)
      assert.deepEqual(ids(found), [ana], q)
    }
    assert.deepEqual(ids(await search('98765432')), [otra])
    assert.deepEqual(ids(await search('7654321')), [])
  })

  test('the caller-ID lookup takes a partial number and never names a raw field key', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const mine = await makeClient({
      primary_phone: '+573001234567',
      assigned_user_id: agent.user.id,
    })
    const lookup = (phone: string) =>
      agent.get('/api/clients/lookup').header('accept-language', 'es').qs({ phone })
    assert.deepEqual(ids(await lookup('1234567')), [mine])
    assert.deepEqual(ids(await lookup('3001234567')), [mine])
    assert.deepEqual(ids(await lookup('+573001234567')), [mine])

    const short = await lookup('12345')
    short.assertStatus(422)
    assert.equal(short.body().error.fields[0].field, 'phone')
    assert.equal(
      short.body().error.fields[0].message,
      'Escriba al menos los últimos 6 dígitos del teléfono'
    )
  })
})

test.group('Clients: an agent searches every client of their campaigns (C14, C16)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("an agent finds a colleague's client of their campaign, never one outside it", async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const colleague = await makeUser('agent')
    const ours = await makeCampaign('inbound', [agent.user.id, colleague.id], 'Búsqueda')
    const theirs = await makeCampaign('inbound', [colleague.id], 'Búsqueda')
    const shared = await makeClient({
      first_name: 'Mario',
      last_name: 'Palacios',
      document: '15926822-5',
      primary_phone: '+573009876543',
      campaign_id: ours,
      assigned_user_id: colleague.id,
    })
    const outside = await makeClient({
      first_name: 'Mario',
      last_name: 'Palacios Oculto',
      document: '15926822-7',
      primary_phone: '+573009876544',
      campaign_id: theirs,
      assigned_user_id: colleague.id,
    })
    const own = await makeClient({ first_name: 'Mario', assigned_user_id: agent.user.id })

    const search = async (q: string) => ids(await agent.get('/api/r/clients').qs({ q }))
    assert.deepEqual(await search('palacios'), [shared])
    assert.deepEqual(await search('15926822'), [shared])
    assert.deepEqual(await search('9876543'), [shared])
    assert.deepEqual(await search('mario'), [shared, own])

    // "Solo mis clientes": the admin narrows the list to the agent's own
    const mine = await agent.get('/api/r/clients').qs({
      q: 'mario',
      filter: JSON.stringify({ field: 'assigned_user_id', op: 'eq', value: agent.user.id }),
    })
    assert.deepEqual(ids(mine), [own])

    // Opened by its id, a client outside the agent's campaigns is "sin acceso", never shown.
    const refused = await agent.get(`/api/r/clients/${outside}`)
    refused.assertStatus(403)
    assert.equal(refused.body().error.code, 'OUT_OF_SCOPE')
    assert.notProperty(refused.body(), 'data')
    const lookup = await agent.get('/api/clients/lookup').qs({ phone: '+573009876544' })
    assert.deepEqual(ids(lookup), [])
  })

  test("a duplicate names a client of the agent's campaigns, never one outside them", async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const colleague = await makeUser('agent')
    const ours = await makeCampaign('inbound', [agent.user.id, colleague.id], 'Búsqueda')
    const theirs = await makeCampaign('inbound', [colleague.id], 'Búsqueda')
    const shared = await makeClient({
      first_name: 'Rosa',
      last_name: 'Compartida',
      primary_phone: '+573001110001',
      campaign_id: ours,
      assigned_user_id: colleague.id,
    })
    await makeClient({
      first_name: 'Rosa',
      last_name: 'Secreta',
      primary_phone: '+573001110002',
      campaign_id: theirs,
      assigned_user_id: colleague.id,
    })
    const named = await agent
      .post('/api/r/clients')
      .json({ first_name: 'Nueva', primary_phone: '+573001110001' })
    named.assertStatus(409)
    assert.include(JSON.stringify(named.body()), `#${shared}`)

    const hidden = await agent
      .post('/api/r/clients')
      .json({ first_name: 'Nueva', primary_phone: '+573001110002' })
    hidden.assertStatus(409)
    assert.equal(hidden.body().error.fields[0].rule, 'duplicateHidden')
    assert.notInclude(JSON.stringify(hidden.body()), 'Secreta')
  })

  test("the caller-ID lookup finds any client of the agent's campaigns", async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const colleague = await makeUser('agent')
    const ours = await makeCampaign('inbound', [agent.user.id, colleague.id], 'Búsqueda')
    const theirs = await makeClient({
      primary_phone: '+573001112299',
      campaign_id: ours,
      assigned_user_id: colleague.id,
    })
    const lookup = await agent.get('/api/clients/lookup').qs({ phone: '+573001112299' })
    lookup.assertStatus(200)
    assert.deepEqual(ids(lookup), [theirs])
  })

  test('an unknown caller finds nobody and gets the number to fill a new client', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const lookup = await agent.get('/api/clients/lookup').qs({ phone: '57 300 555 0101' })
    lookup.assertStatus(200)
    assert.deepEqual(ids(lookup), [])
    assert.equal(lookup.body().meta.phone, '+573005550101')
  })

  test('opening a client the agent is not assigned to is audited as "viewed"', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const colleague = await makeUser('agent')
    const ours = await makeCampaign('inbound', [agent.user.id, colleague.id], 'Búsqueda')
    const theirs = await makeClient({ campaign_id: ours, assigned_user_id: colleague.id })
    const own = await makeClient({ campaign_id: ours, assigned_user_id: agent.user.id })

    ;(await agent.get(`/api/r/clients/${theirs}`)).assertStatus(200)
    ;(await agent.get(`/api/r/clients/${theirs}`)).assertStatus(200)
    ;(await agent.get(`/api/r/clients/${own}`)).assertStatus(200)

    const viewed = await db
      .from('audit_logs')
      .where({ action: 'viewed', resource: 'clients' })
      .select('record_id', 'actor_id')
    assert.deepEqual(
      viewed.map((row) => [String(row.record_id), Number(row.actor_id)]),
      [[String(theirs), agent.user.id]]
    )
    const history = await signIn(client, 'supervisor')
    const log = await history.get(`/api/r/clients/${theirs}/history`)
    log.assertStatus(200)
    assert.include(
      log.body().data.map((entry: { action: string }) => entry.action),
      'viewed'
    )
  })
})

import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { makeClient, settleJob, signIn, startJobWorker, stopJobWorker } from '#sdk/testing'
import { API, buildList, campaign, clientsOf, dialerGroup, dialerWorld, phone } from './helpers.ts'

test.group('dialer: lists from a filter (D3)', (group) => {
  dialerGroup(group, { atMidmorning: false })

  test('a supervisor builds a list from a filter; its contacts are materialized and counted', async ({
    client,
    assert,
  }) => {
    const { supervisor, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 5, 0, { status: 'new' })
    await clientsOf(campaignId, 3, 10, { status: 'contacted' })
    const otherCampaign = await campaign([])
    await clientsOf(otherCampaign, 2, 20, { status: 'new' })

    const list = await buildList(
      supervisor,
      campaignId,
      { field: 'status', op: 'eq', value: 'new' },
      'Nuevos'
    )
    assert.equal(list.total, 5)
    assert.equal(list.skippedInvalid, 0)
    const contacts = await db.from('dialer_contacts').where('list_id', list.id)
    assert.lengthOf(contacts, 5)
    assert.isTrue(contacts.every((row) => row.status === 'new' && row.country === 'CO'))

    const lists = await supervisor.get(`${API}/lists`).qs({ campaignId })
    lists.assertStatus(200)
    assert.containsSubset(lists.body().data, [
      {
        id: list.id,
        name: 'Nuevos',
        campaignId,
        active: true,
        total: 5,
        counts: { new: 5, called: 0, recall: 0, dnc: 0, done: 0 },
      },
    ])
    const generic = await supervisor.get('/api/r/dialer_lists')
    generic.assertStatus(200)
    assert.equal(generic.body().data[0].name, 'Nuevos')
  })

  test('clients without a valid E.164 phone are skipped and counted', async ({
    client,
    assert,
  }) => {
    const { supervisor, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 2)
    await makeClient({ campaign_id: campaignId, primary_phone: '12345' })
    await makeClient({ campaign_id: campaignId, primary_phone: null })
    const list = await buildList(supervisor, campaignId)
    assert.equal(list.total, 2)
    assert.equal(list.skippedInvalid, 2)
  })

  test('a number already on do-not-call is counted as such when the list is built', async ({
    client,
    assert,
  }) => {
    const { supervisor, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 3)
    ;(await supervisor.post('/api/r/dialer_dnc').json({ number: phone(1) })).assertStatus(201)
    const list = await buildList(supervisor, campaignId)
    const lists = await supervisor.get(`${API}/lists`).qs({ campaignId })
    const row = lists.body().data.find((entry: { id: number }) => entry.id === list.id)
    assert.containsSubset(row.counts, { new: 2, dnc: 1 })
  })

  test('a filter that matches nobody is a clear 422 on filter, and nothing is written', async ({
    client,
    assert,
  }) => {
    const { supervisor, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 2)
    const response = await supervisor.post(`${API}/lists`).json({
      name: 'Vacía',
      campaignId,
      filter: { field: 'first_name', op: 'eq', value: 'Nadie' },
    })
    response.assertStatus(422)
    response.assertBodyContains({
      error: { code: 'DIALER_LIST_EMPTY', fields: [{ field: 'filter' }] },
    })
    assert.lengthOf(await db.from('dialer_lists'), 0)
  })

  test('bad input names its field: no name, a voice campaign, an unknown filter field', async ({
    client,
  }) => {
    const { supervisor, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 1)
    const voice = await campaign([], 'inbound_voice')
    const noName = await supervisor.post(`${API}/lists`).json({ campaignId })
    noName.assertStatus(422)
    noName.assertBodyContains({ error: { fields: [{ field: 'name' }] } })
    const notDialer = await supervisor.post(`${API}/lists`).json({ name: 'X', campaignId: voice })
    notDialer.assertStatus(422)
    notDialer.assertBodyContains({ error: { fields: [{ field: 'campaignId' }] } })
    const badFilter = await supervisor
      .post(`${API}/lists`)
      .json({ name: 'X', campaignId, filter: { field: 'password', op: 'eq', value: 'x' } })
    badFilter.assertStatus(422)
  })

  test('an agent may neither build a list nor create one through the generic REST', async ({
    client,
  }) => {
    const { ana, supervisor, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 1)
    ;(await ana.post(`${API}/lists`).json({ name: 'X', campaignId })).assertStatus(403)
    const generic = await supervisor
      .post('/api/r/dialer_lists')
      .json({ name: 'X', campaign_id: campaignId })
    generic.assertStatus(403)
  })

  test('a list is renamed and switched off through the generic REST, audited', async ({
    client,
    assert,
  }) => {
    const { supervisor, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 1)
    const list = await buildList(supervisor, campaignId)
    const patched = await supervisor
      .patch(`/api/r/dialer_lists/${list.id}`)
      .json({ name: 'Otra', active: false })
    patched.assertStatus(200)
    const row = await db.from('dialer_lists').where('id', list.id).first()
    assert.equal(row.name, 'Otra')
    assert.isFalse(Boolean(Number(row.active)))
    const audit = await db
      .from('audit_logs')
      .where({ resource: 'dialer_lists', record_id: String(list.id) })
    assert.sameMembers(
      audit.map((entry) => entry.action),
      ['create', 'update']
    )
    const admin = await signIn(client, 'admin')
    ;(await admin.get(`${API}/lists`)).assertStatus(200)
  })

  test('a large list is built in the background, in batches, with its progress', async ({
    client,
    assert,
  }) => {
    const saved = process.env.DIALER_LIST_IN_REQUEST_MAX
    process.env.DIALER_LIST_IN_REQUEST_MAX = '2'
    startJobWorker()
    try {
      const { supervisor, campaignId } = await dialerWorld(client)
      await clientsOf(campaignId, 4)
      await makeClient({ campaign_id: campaignId, primary_phone: 'sin número' })
      const response = await supervisor.post(`${API}/lists`).json({ name: 'Grande', campaignId })
      response.assertStatus(202)
      const { id, jobId, building } = response.body().data
      assert.isTrue(building)
      const run = await settleJob(jobId)
      assert.equal(run.status, 'done')
      assert.equal(run.progress, 100)
      const list = await db.from('dialer_lists').where('id', id).first()
      assert.containsSubset(list, { total: 4, skipped_invalid: 1 })
      assert.isFalse(Boolean(Number(list.building)))
      assert.lengthOf(await db.from('dialer_list_members'), 0)
      assert.lengthOf(await db.from('dialer_contacts').where('list_id', id), 4)
      const lists = await supervisor.get(`${API}/lists`)
      assert.containsSubset(lists.body().data, [{ id, building: false, counts: { new: 4 } }])
    } finally {
      await stopJobWorker()
      if (saved === undefined) delete process.env.DIALER_LIST_IN_REQUEST_MAX
      else process.env.DIALER_LIST_IN_REQUEST_MAX = saved
    }
  }).timeout(60_000)
})

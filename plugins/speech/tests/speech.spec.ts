import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { plugins, signIn, truncateAfterEach, makeClient } from '#sdk/testing'

const BASE = '/api/p/speech'
const SCRIPTS = '/api/r/speech_scripts'
let sequence = 0

async function works(userId: number, campaignId: number) {
  await db
    .table('campaign_agents')
    .insert({ campaign_id: campaignId, user_id: userId, created_at: '2026-01-01 00:00:00' })
}

async function campaign() {
  const [id] = await db.table('campaigns').insert({
    name: `Campaña speech ${++sequence}`,
    type: 'outbound_dialer',
    active: 1,
    created_at: '2026-01-01 00:00:00',
  })
  return Number(id)
}

test.group('speech plugin', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('stores sanitized HTML and fills the variables for the client on screen', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const campaignId = await campaign()
    const created = await supervisor.post(SCRIPTS).json({
      campaign_id: campaignId,
      title: 'Saludo',
      html:
        '<p>Hola <strong>{{client.first_name}}</strong>, le habla {{agent.name}} de {{campaign.name}}.</p>' +
        '<script>alert(1)</script><p onclick="x()">{{client.apodo}}</p><a href="javascript:alert(1)">x</a>',
    })
    created.assertStatus(201)
    const html: string = created.body().data.html
    assert.notInclude(html, '<script')
    assert.notInclude(html, 'onclick')
    assert.notInclude(html, 'javascript:')
    await works(agent.user.id, campaignId)

    const clientId = await makeClient({ first_name: '<Ana>', assigned_user_id: agent.user.id })
    const rendered = await agent.get(`${BASE}/render`).qs({ campaignId, clientId })
    rendered.assertStatus(200)
    const filled: string = rendered.body().data.html
    assert.include(filled, '<strong>&lt;Ana&gt;</strong>')
    assert.include(filled, agent.user.fullName)
    assert.include(filled, '<span data-variable="unknown">{{client.apodo}}</span>')
    assert.deepEqual(rendered.body().data.unknownVariables, ['client.apodo'])
  })

  test('every save is a version and an old one can be restored', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign()
    const created = await supervisor
      .post(SCRIPTS)
      .json({ campaign_id: campaignId, title: 'v1', html: '<p>uno</p>' })
    const id = created.body().data.id
    const second = await supervisor
      .patch(`${SCRIPTS}/${id}`)
      .json({ title: 'v2', html: '<p>dos</p><script>alert(1)</script>' })
    assert.containsSubset(second.body().data, { version: 2, html: '<p>dos</p>' })
    // The same text again (once sanitized) is no new version.
    await supervisor.patch(`${SCRIPTS}/${id}`).json({ title: 'v2', html: '<p>dos</p>' })
    const versions = await supervisor
      .get('/api/r/speech_script_versions')
      .qs({ filter: JSON.stringify({ field: 'script_id', op: 'eq', value: id }) })
    versions.assertStatus(200)
    assert.deepEqual(
      versions.body().data.map((v: { version: number; title: string }) => [v.version, v.title]),
      [
        [2, 'v2'],
        [1, 'v1'],
      ]
    )
    const first = await supervisor.get(
      `/api/r/speech_script_versions/${versions.body().data[1].id}`
    )
    const { title, html } = first.body().data
    const restored = await supervisor.patch(`${SCRIPTS}/${id}`).json({ title, html })
    assert.containsSubset(restored.body().data, { title: 'v1', version: 3, html: '<p>uno</p>' })

    // The generic history shows each save, with who and when.
    const history = await supervisor.get(`${SCRIPTS}/${id}/history`)
    history.assertStatus(200)
    const saves = history
      .body()
      .data.filter((entry: any) => entry.action === 'update' && entry.after?.version !== undefined)
    assert.lengthOf(saves, 2)
    assert.containsSubset(saves[0], { actor: { id: supervisor.user.id } })
    assert.isString(saves[0].createdAt)
    assert.equal(JSON.stringify(saves[0]).includes('<p>uno</p>'), true)
  })

  test('one script per campaign; agents cannot edit; missing script is a 404', async ({
    client,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const campaignId = await campaign()
    ;(await agent.get(`${BASE}/render`).qs({ campaignId })).assertStatus(404)
    await supervisor.post(SCRIPTS).json({ campaign_id: campaignId, title: 'a', html: '<p>a</p>' })
    const twice = await supervisor
      .post(SCRIPTS)
      .json({ campaign_id: campaignId, title: 'b', html: '<p>b</p>' })
    twice.assertStatus(422)
    ;(
      await agent.post(SCRIPTS).json({ campaign_id: campaignId, title: 'c', html: '<p>c</p>' })
    ).assertStatus(403)
  })

  test('the variable menu lists the client, agent and campaign variables', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign()
    const variables = await supervisor.get(`${BASE}/variables`).qs({ campaignId })
    const names = variables.body().data.map((v: { name: string }) => v.name)
    assert.includeMembers(names, [
      'client.first_name',
      'client.document',
      'agent.name',
      'campaign.name',
    ])
  })
})

/**
 * Custom fields are columns (DDL commits on MySQL) and exports read on
 * their own connection: this group commits and truncates, and retires the
 * field it made.
 */
test.group('speech plugin, committed', (group) => {
  const key = `segmento_${Date.now() % 100000}`
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test('the list filters by campaign and exports; agents see only their campaigns and write nothing', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const mine = await campaign()
    const other = await campaign()
    const ids: number[] = []
    for (const [campaignId, title] of [
      [mine, 'Mío'],
      [other, 'Ajeno'],
    ] as const) {
      const created = await supervisor
        .post(SCRIPTS)
        .json({ campaign_id: campaignId, title, html: `<p>${title}</p>` })
      created.assertStatus(201)
      ids.push(created.body().data.id)
    }
    await works(agent.user.id, mine)
    const byCampaign = JSON.stringify({ field: 'campaign_id', op: 'eq', value: other })

    const filtered = await supervisor.get(SCRIPTS).qs({ filter: byCampaign })
    assert.deepEqual(
      filtered.body().data.map((row: { title: string }) => row.title),
      ['Ajeno']
    )
    const exported = await supervisor.get(`${SCRIPTS}/export.csv`).qs({ filter: byCampaign })
    exported.assertStatus(200)
    assert.include(exported.text(), 'Ajeno')
    assert.notInclude(exported.text(), 'Mío')

    const seen = await agent.get(SCRIPTS)
    seen.assertStatus(200)
    assert.deepEqual(
      seen.body().data.map((row: { title: string }) => row.title),
      ['Mío']
    )
    ;(await agent.get(`${SCRIPTS}/${ids[1]}`)).assertStatus(404)
    ;(await agent.get(`${BASE}/render`).qs({ campaignId: other })).assertStatus(404)
    ;(await agent.get(`${BASE}/render`).qs({ campaignId: mine })).assertStatus(200)
    ;(await agent.patch(`${SCRIPTS}/${ids[0]}`).json({ title: 'x' })).assertStatus(403)
    ;(await agent.delete(`${SCRIPTS}/${ids[0]}`)).assertStatus(403)
    ;(await agent.get(`${SCRIPTS}/export.csv`)).assertStatus(403)
  })

  test('{{client.custom.<key>}} is offered for the campaign and filled', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign()
    const profile = await supervisor
      .post('/api/r/cf_profiles')
      .json({ name: 'Perfil speech', campaigns: [campaignId] })
    const field = await supervisor.post('/api/r/cf_fields').json({
      profile_id: profile.body().data.id,
      key,
      type: 'text',
      label_es: 'Segmento',
      label_en: 'Segment',
    })
    field.assertStatus(201)
    const variables = await supervisor.get(`${BASE}/variables`).qs({ campaignId })
    assert.include(
      variables.body().data.map((v: { name: string }) => v.name),
      `client.custom.${key}`
    )
    await supervisor.post(SCRIPTS).json({
      campaign_id: campaignId,
      title: 't',
      html: `<p>Segmento: {{client.custom.${key}}}</p>`,
    })
    const clientId = await makeClient({ campaign_id: campaignId, [key]: 'Oro' })
    const rendered = await supervisor.get(`${BASE}/render`).qs({ campaignId, clientId })
    assert.equal(rendered.body().data.html, '<p>Segmento: Oro</p>')
    assert.deepEqual(rendered.body().data.unknownVariables, [])
    // Retired, the field leaves the clients resource for the next groups.
    const retired = await supervisor.post(`/api/r/cf_fields/${field.body().data.id}/archive`)
    retired.assertStatus(200)
  })
})

import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { SYSTEM_ACTOR } from '#sdk'
import { PluginRollback, plugins, signIn, makeClient } from '#sdk/testing'
import { ColumnManager } from '../backend/column_manager.ts'
import { customFields } from '../backend/custom_fields.ts'
import { FIELDS, postField, withFieldColumns, type MadeColumn } from './field_requests.ts'

type Session = Awaited<ReturnType<typeof signIn>>

const BASE = '/api/p/custom-fields'
let sequence = 0
const created: MadeColumn[] = []

/** Keys are columns of clients and outlive a test: each test takes new ones. */
const key = (stem: string) => `${stem}_${Date.now() % 100000}_${++sequence}`

async function campaign(name: string) {
  const [id] = await db.table('campaigns').insert({
    name: `${name} ${++sequence}`,
    type: 'outbound_dialer',
    active: 1,
    created_at: '2026-01-01 00:00:00',
  })
  return Number(id)
}

async function profileWithFields(supervisor: Session, campaignId: number) {
  const profile = await supervisor
    .post('/api/r/cf_profiles')
    .json({ name: `Cobranzas ${++sequence}`, campaigns: [campaignId] })
  profile.assertStatus(201)
  const profileId = profile.body().data.id
  const segment = key('segmento')
  const visit = key('fecha_visita')
  const select = await postField(supervisor, profileId, {
    key: segment,
    type: 'select',
    label: { es: 'Segmento', en: 'Segment' },
    required: true,
    options: [
      { value: 'oro', label: { es: 'Oro', en: 'Gold' } },
      { value: 'plata', label: { es: 'Plata', en: 'Silver' } },
    ],
  })
  select.assertStatus(201)
  created.push({ key: segment, type: 'select' })
  const date = await postField(supervisor, profileId, {
    key: visit,
    type: 'date',
    label: { es: 'Fecha de visita', en: 'Visit date' },
  })
  date.assertStatus(201)
  created.push({ key: visit, type: 'date' })
  return { profileId, segment, visit, segmentId: select.body().data.id }
}

test.group('custom-fields plugin', (group) => {
  withFieldColumns(group, created)

  test('supervisor fields join the client form, list, filters and sort', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign('Cobranzas')
    const { segment, visit } = await profileWithFields(supervisor, campaignId)

    const meta = (await supervisor.get('/api/meta')).body().data
    const clients = meta.resources.find((r: { name: string }) => r.name === 'clients')
    const field = clients.fields.find((f: { name: string }) => f.name === segment)
    assert.containsSubset(field, {
      type: 'select',
      required: true,
      filterable: true,
      sortable: true,
      condition: { field: 'campaign_id', in: [campaignId] },
    })

    const missing = await supervisor
      .post('/api/r/clients')
      .json({ first_name: 'Ana', campaign_id: campaignId })
    missing.assertStatus(422)
    assert.equal(missing.body().error.fields[0].field, segment)
    const elsewhere = await supervisor.post('/api/r/clients').json({ first_name: 'Sin campaña' })
    elsewhere.assertStatus(201)

    const wrongOption = await supervisor
      .post('/api/r/clients')
      .json({ first_name: 'Ana', campaign_id: campaignId, [segment]: 'bronce' })
    wrongOption.assertStatus(422)
    assert.equal(wrongOption.body().error.fields[0].field, segment)

    for (const [name, value, date] of [
      ['Ana', 'oro', '2026-03-01'],
      ['Bea', 'plata', '2026-01-15'],
      ['Caro', 'oro', '2026-02-10'],
    ]) {
      const response = await supervisor
        .post('/api/r/clients')
        .json({ first_name: name, campaign_id: campaignId, [segment]: value, [visit]: date })
      response.assertStatus(201)
      assert.equal(response.body().data[segment], value)
    }
    const list = await supervisor.get('/api/r/clients').qs({
      filter: JSON.stringify({ field: segment, op: 'eq', value: 'oro' }),
      sort: `-${visit}`,
    })
    assert.deepEqual(
      list.body().data.map((row: Record<string, unknown>) => [row.first_name, row[visit]]),
      [
        ['Ana', '2026-03-01'],
        ['Caro', '2026-02-10'],
      ]
    )
  })

  test('keys colliding with built-ins, SQL keywords or other fields are refused', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign('Ventas')
    const { profileId, segment } = await profileWithFields(supervisor, campaignId)
    const attempt = (fieldKey: string) =>
      postField(supervisor, profileId, { key: fieldKey, type: 'text', label: { es: 'X', en: 'X' } })
    for (const [fieldKey, rule] of [
      ['email', 'builtin'],
      ['select', 'keyword'],
      ['Bad Key', 'format'],
      [segment, 'taken'],
    ]) {
      const response = await attempt(fieldKey)
      response.assertStatus(422)
      assert.deepEqual(response.body().error.fields[0], {
        ...response.body().error.fields[0],
        field: 'key',
        rule,
      })
    }
    const noOptions = await postField(supervisor, profileId, {
      key: key('nivel'),
      type: 'select',
      label: { es: 'N', en: 'N' },
    })
    noOptions.assertStatus(422)
    assert.equal(noOptions.body().error.fields[0].field, 'options')
  })

  test('number rules are enforced by the server', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign('Scores')
    const { profileId } = await profileWithFields(supervisor, campaignId)
    const score = key('puntaje')
    const field = await postField(supervisor, profileId, {
      key: score,
      type: 'number',
      label: { es: 'Puntaje', en: 'Score' },
      min: 0,
      max: 100,
    })
    field.assertStatus(201)
    created.push({ key: score, type: 'number' })
    const id = await makeClient({ campaign_id: campaignId })
    const over = await supervisor.patch(`/api/r/clients/${id}`).json({ [score]: 101 })
    over.assertStatus(422)
    assert.equal(over.body().error.fields[0].field, score)
  })

  test('retiring a field hides it and keeps its values; restoring brings them back', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign('Retiro')
    const { segment, segmentId } = await profileWithFields(supervisor, campaignId)
    const id = await makeClient({ campaign_id: campaignId, [segment]: 'oro' })

    const retired = await supervisor.post(`${FIELDS}/${segmentId}/archive`)
    retired.assertStatus(200)
    assert.isNotNull(retired.body().data.archived_at)
    const hidden = await supervisor.get(`/api/r/clients/${id}`)
    assert.notProperty(hidden.body().data, segment)
    const write = await supervisor.patch(`/api/r/clients/${id}`).json({ [segment]: 'plata' })
    write.assertStatus(422)

    const restored = await supervisor.post(`${FIELDS}/${segmentId}/restore`)
    restored.assertStatus(200)
    assert.isNull(restored.body().data.archived_at)
    const back = await supervisor.get(`/api/r/clients/${id}`)
    assert.equal(back.body().data[segment], 'oro')
  })

  test('disabling the plugin hides the fields everywhere and keeps every value', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const campaignId = await campaign('Toggle')
    const { segment } = await profileWithFields(admin, campaignId)
    const id = await makeClient({ campaign_id: campaignId, [segment]: 'plata' })

    await plugins.disable('custom-fields', SYSTEM_ACTOR)
    const meta = (await admin.get('/api/meta')).body().data
    const fields = meta.resources.find((r: { name: string }) => r.name === 'clients').fields
    assert.notInclude(
      fields.map((f: { name: string }) => f.name),
      segment
    )
    assert.notProperty((await admin.get(`/api/r/clients/${id}`)).body().data, segment)
    const csv = await admin.get('/api/r/clients/export.csv').qs({ headers: 'keys' })
    assert.notInclude(csv.text().split('\r\n')[0], segment)
    ;(await admin.get(`${BASE}/profiles`)).assertStatus(404)

    await plugins.enable('custom-fields', SYSTEM_ACTOR)
    assert.equal((await admin.get(`/api/r/clients/${id}`)).body().data[segment], 'plata')
    const exported = await admin.get('/api/r/clients/export.csv').qs({ headers: 'keys' })
    assert.include(exported.text().split('\r\n')[0], segment)
  })

  test('a type change that would lose values is refused with their count', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign('Tipos')
    const { profileId } = await profileWithFields(supervisor, campaignId)
    const code = key('codigo')
    const field = await postField(supervisor, profileId, {
      key: code,
      type: 'text',
      label: { es: 'Código', en: 'Code' },
    })
    created.push({ key: code, type: 'text' })
    const fieldId = field.body().data.id
    await makeClient({ [code]: '42' })
    const bad = await makeClient({ [code]: 'abc' })
    await makeClient({ [code]: 'x1' })

    const refused = await supervisor
      .post(`${BASE}/fields/${fieldId}/change-type`)
      .header('accept-language', 'en')
      .json({ type: 'number', confirm: true })
    refused.assertStatus(409)
    assert.equal(refused.body().error.code, 'FIELD_TYPE_UNCONVERTIBLE')
    assert.match(refused.body().error.message, /^2 stored value/)

    await db
      .from('clients')
      .whereIn(code, ['abc', 'x1'])
      .update({ [code]: null })
    const converted = await supervisor
      .post(`${BASE}/fields/${fieldId}/change-type`)
      .json({ type: 'number', confirm: true })
    converted.assertStatus(200)
    created[created.length - 1].type = 'number'
    const sorted = await supervisor.get('/api/r/clients').qs({
      filter: JSON.stringify({ field: code, op: 'gt', value: 10 }),
    })
    assert.equal(sorted.body().data[0][code], 42)
    assert.notEqual(sorted.body().data[0].id, bad)
  })

  test('agents cannot manage profiles', async ({ client }) => {
    const agent = await signIn(client, 'agent')
    ;(await agent.get(`${BASE}/profiles`)).assertStatus(403)
    ;(await agent.post('/api/r/cf_profiles').json({ name: 'x', campaigns: [] })).assertStatus(403)
  })

  test('fields are reordered within their profile', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign('Orden')
    const { profileId } = await profileWithFields(supervisor, campaignId)
    const profiles = (await supervisor.get(`${BASE}/profiles`)).body().data
    const ids = profiles
      .find((p: { id: number }) => p.id === profileId)
      .fields.map((f: { id: number }) => f.id)
    const reordered = await supervisor
      .post(`${BASE}/profiles/${profileId}/fields/reorder`)
      .json({ fieldIds: [...ids].reverse() })
    reordered.assertStatus(200)
    const after = (await supervisor.get(`${BASE}/profiles`)).body().data
    assert.deepEqual(
      after.find((p: { id: number }) => p.id === profileId).fields.map((f: { id: number }) => f.id),
      [...ids].reverse()
    )
    ;(
      await supervisor
        .post(`${BASE}/profiles/${profileId}/fields/reorder`)
        .json({ fieldIds: [999_999] })
    ).assertStatus(422)
  })
})

test.group('custom-fields defaults', (group) => {
  withFieldColumns(group, created)

  test('a multiselect default applies only to clients of the profile campaigns', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign('Defaults')
    const profile = await supervisor
      .post('/api/r/cf_profiles')
      .json({ name: `Defaults ${++sequence}`, campaigns: [campaignId] })
    const tags = key('etiquetas')
    const field = await postField(supervisor, profile.body().data.id, {
      key: tags,
      type: 'multiselect',
      label: { es: 'Etiquetas', en: 'Tags' },
      options: [
        { value: 'moroso', label: { es: 'Moroso', en: 'Late' } },
        { value: 'nuevo', label: { es: 'Nuevo', en: 'New' } },
      ],
      defaultValue: 'nuevo',
    })
    field.assertStatus(201)
    created.push({ key: tags, type: 'multiselect' })

    const inCampaign = await supervisor
      .post('/api/r/clients')
      .json({ first_name: 'A', campaign_id: campaignId })
    inCampaign.assertStatus(201)
    assert.deepEqual(inCampaign.body().data[tags], ['nuevo'])
    const elsewhere = await supervisor.post('/api/r/clients').json({ first_name: 'B' })
    elsewhere.assertStatus(201)
    assert.isNull(elsewhere.body().data[tags])

    const has = await supervisor
      .get('/api/r/clients')
      .qs({ filter: JSON.stringify({ field: tags, op: 'contains', value: 'nuevo' }) })
    assert.deepEqual(
      has.body().data.map((row: { first_name: string }) => row.first_name),
      ['A']
    )
  })

  test("plugin:rollback takes the fields' clients columns with the plugin's tables", async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const { segment, visit } = await profileWithFields(supervisor, await campaign('Cobranzas'))
    assert.isTrue((await ColumnManager.columns()).has(segment))
    ace.ui.switchMode('raw')
    await plugins.disable('custom-fields', SYSTEM_ACTOR)
    try {
      const dryRun = await ace.create(PluginRollback, ['custom-fields'])
      await dryRun.exec()
      dryRun.assertFailed()
      const plan = dryRun.logger
        .getLogs()
        .map((log) => log.message)
        .join('\n')
      assert.include(plan, `would drop the clients column ${segment} (select)`)
      assert.include(plan, `would drop the clients column ${visit} (date)`)
      assert.isTrue((await ColumnManager.columns()).has(segment))

      const forced = await ace.create(PluginRollback, ['custom-fields', '--force'])
      await forced.exec()
      forced.assertSucceeded()
      const columns = await ColumnManager.columns()
      assert.isFalse(columns.has(segment))
      assert.isFalse(columns.has(visit))
      assert.isTrue(columns.has('first_name'))
      assert.isFalse(await db.connection().schema.hasTable('cf_fields'))
    } finally {
      ace.ui.switchMode('normal')
      // The other tests need the plugin's tables and the plugin on.
      await testUtils.db().migrate()
      await plugins.enable('custom-fields', SYSTEM_ACTOR)
      customFields.invalidate()
    }
  })
})

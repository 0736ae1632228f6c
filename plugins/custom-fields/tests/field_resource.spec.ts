import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signIn } from '#sdk/testing'
import { ColumnManager } from '../backend/column_manager.ts'
import { FIELDS, postField, withFieldColumns, type MadeColumn } from './field_requests.ts'

type Session = Awaited<ReturnType<typeof signIn>>

const created: MadeColumn[] = []
let sequence = 0

/** Keys are columns of clients and outlive a test: each test takes new ones. */
const newKey = (stem: string) => `${stem}_${Date.now() % 100000}_${++sequence}`

async function profile(session: Session) {
  const response = await session.post('/api/r/cf_profiles').json({ name: `Perfil ${++sequence}` })
  response.assertStatus(201)
  return response.body().data.id as number
}

async function auditActions(id: number) {
  const rows = await db
    .from('audit_logs')
    .where({ resource: 'cf_fields', record_id: String(id) })
    .orderBy('id')
    .select('action', 'actor_id')
  return rows.map((row) => [row.action, row.actor_id])
}

/**
 * A field is the resource cf_fields: the engine creates it (its clients
 * column added by the resource's prepare hook, dropped again when the
 * write fails), retires it by archiving and restores it, and audits each.
 */
test.group('custom-fields: cf_fields on the engine', (group) => {
  withFieldColumns(group, created)

  test('POST /api/r/cf_fields creates the field and its clients column, audited', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const profileId = await profile(supervisor)
    const key = newKey('zona')
    const response = await postField(supervisor, profileId, {
      key,
      type: 'select',
      label: { es: 'Zona', en: 'Zone' },
      options: [{ value: 'norte', label: { es: 'Norte', en: 'North' } }],
      defaultValue: 'norte',
    })
    response.assertStatus(201)
    created.push({ key, type: 'select' })
    const field = response.body().data
    assert.containsSubset(field, {
      profile_id: profileId,
      key,
      type: 'select',
      label_es: 'Zona',
      required: false,
      default_value: 'norte',
      sort_order: 1,
      archived_at: null,
    })
    assert.isTrue((await ColumnManager.columns()).has(key))

    const second = newKey('tramo')
    const next = await postField(supervisor, profileId, {
      key: second,
      type: 'text',
      label: { es: 'Tramo', en: 'Bracket' },
    })
    next.assertStatus(201)
    created.push({ key: second, type: 'text' })
    assert.equal(next.body().data.sort_order, 2)

    assert.deepEqual(await auditActions(field.id), [['create', supervisor.user.id]])
    const meta = (await supervisor.get('/api/meta')).body().data
    const described = (name: string) =>
      meta.resources.find((resource: { name: string }) => resource.name === name)
    // Created one at a time (its column), so never from a CSV.
    assert.containsSubset(described('cf_fields').actions, { create: true, import: false })
    const clients = described('clients')
    assert.include(
      clients.fields.map((candidate: { name: string }) => candidate.name),
      key
    )
  })

  test('a create that fails in its transaction drops the column it added', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const key = newKey('perdido')
    // The profile is checked inside the transaction, after the column was added.
    const missing = await postField(supervisor, 999_999, {
      key,
      type: 'text',
      label: { es: 'Perdido', en: 'Lost' },
    })
    missing.assertStatus(422)
    assert.equal(missing.body().error.fields[0].field, 'profile_id')
    assert.isFalse((await ColumnManager.columns()).has(key))
    assert.lengthOf(await db.from('cf_fields').where('key', key), 0)

    // The same key is free for the next try.
    const profileId = await profile(supervisor)
    const retry = await postField(supervisor, profileId, {
      key,
      type: 'text',
      label: { es: 'Perdido', en: 'Lost' },
    })
    retry.assertStatus(201)
    created.push({ key, type: 'text' })
    assert.isTrue((await ColumnManager.columns()).has(key))
  })

  test('a definition that breaks its own rules is refused before any column', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const profileId = await profile(supervisor)
    const key = newKey('rango')
    const refusals = [
      [{ key, type: 'number', label: { es: 'R', en: 'R' }, min: 5, max: 1 }, 'max'],
      [{ key, type: 'select', label: { es: 'R', en: 'R' } }, 'options'],
      [
        { key, type: 'number', label: { es: 'R', en: 'R' }, defaultValue: 'mucho' },
        'default_value',
      ],
      [{ key: 'first_name', type: 'text', label: { es: 'R', en: 'R' } }, 'key'],
    ] as const
    for (const [field, input] of refusals) {
      const response = await postField(supervisor, profileId, field)
      response.assertStatus(422)
      assert.equal(response.body().error.fields[0].field, input)
    }
    assert.isFalse((await ColumnManager.columns()).has(key))
  })

  test('archive retires a field and restore brings it back, both in its history', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const profileId = await profile(supervisor)
    const key = newKey('canal')
    const field = await postField(supervisor, profileId, {
      key,
      type: 'text',
      label: { es: 'Canal', en: 'Channel' },
    })
    created.push({ key, type: 'text' })
    const id = field.body().data.id
    const clientFields = async () =>
      (await supervisor.get('/api/meta'))
        .body()
        .data.resources.find((resource: { name: string }) => resource.name === 'clients')
        .fields.map((candidate: { name: string }) => candidate.name)
    const statusOf = async () => {
      const profiles = (await supervisor.get('/api/p/custom-fields/profiles')).body().data
      const own = profiles.find((candidate: { id: number }) => candidate.id === profileId)
      return own.fields[0].status
    }

    const archived = await supervisor.post(`${FIELDS}/${id}/archive`)
    archived.assertStatus(200)
    assert.isString(archived.body().data.archived_at)
    assert.equal(await statusOf(), 'retired')
    assert.notInclude(await clientFields(), key)
    // Retired, the column and its values stay.
    assert.isTrue((await ColumnManager.columns()).has(key))
    const retiredList = await supervisor
      .get(FIELDS)
      .qs({ filter: JSON.stringify({ field: 'archived_at', op: 'null', value: true }) })
    assert.notInclude(
      retiredList.body().data.map((row: { id: number }) => row.id),
      id
    )

    const restored = await supervisor.post(`${FIELDS}/${id}/restore`)
    restored.assertStatus(200)
    assert.isNull(restored.body().data.archived_at)
    assert.equal(await statusOf(), 'active')
    assert.include(await clientFields(), key)

    const history = (await supervisor.get(`${FIELDS}/${id}/history`)).body().data
    assert.deepEqual(
      history.map((entry: { action: string }) => entry.action),
      ['restore', 'archive', 'create']
    )
    assert.deepEqual(await auditActions(id), [
      ['create', supervisor.user.id],
      ['archive', supervisor.user.id],
      ['restore', supervisor.user.id],
    ])
  })

  test('key, type and profile are set on create and fixed afterwards', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const profileId = await profile(supervisor)
    const key = newKey('fijo')
    const field = await postField(supervisor, profileId, {
      key,
      type: 'text',
      label: { es: 'Fijo', en: 'Fixed' },
    })
    created.push({ key, type: 'text' })
    const id = field.body().data.id
    for (const change of [{ key: 'otra_clave' }, { type: 'number' }, { profile_id: profileId }]) {
      const response = await supervisor.patch(`${FIELDS}/${id}`).json(change)
      response.assertStatus(422)
      assert.deepEqual(response.body().error.fields[0], {
        ...response.body().error.fields[0],
        field: Object.keys(change)[0],
        rule: 'createOnly',
      })
    }
    const renamed = await supervisor.patch(`${FIELDS}/${id}`).json({ label_es: 'Fija' })
    renamed.assertStatus(200)
    assert.equal(renamed.body().data.key, key)
  })

  test('an agent may not create, archive or restore a field', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const profileId = await profile(supervisor)
    const key = newKey('ajeno')
    const field = await postField(supervisor, profileId, {
      key,
      type: 'text',
      label: { es: 'Ajeno', en: 'Foreign' },
    })
    created.push({ key, type: 'text' })
    const id = field.body().data.id

    const agent = await signIn(client, 'agent')
    const other = newKey('agente')
    const refused = await postField(agent, profileId, {
      key: other,
      type: 'text',
      label: { es: 'A', en: 'A' },
    })
    refused.assertStatus(403)
    assert.isFalse((await ColumnManager.columns()).has(other))
    ;(await agent.post(`${FIELDS}/${id}/archive`)).assertStatus(403)
    ;(await agent.post(`${FIELDS}/${id}/restore`)).assertStatus(403)
    ;(await agent.get(FIELDS)).assertStatus(403)
    assert.deepEqual(await auditActions(id), [['create', supervisor.user.id]])
  })
})

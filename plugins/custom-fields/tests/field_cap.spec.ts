import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { plugins, signIn, truncateAfterEach } from '#sdk/testing'
import { ColumnManager } from '../backend/column_manager.ts'
import { customFields } from '../backend/custom_fields.ts'
import { MAX_FIELDS, MAX_INDEXED_FIELDS } from '../backend/field_budget.ts'
import { STORAGE, type CustomFieldType } from '../backend/field_types.ts'
import { FIELDS, postField } from './field_requests.ts'

type Session = Awaited<ReturnType<typeof signIn>>

const BASE = '/api/p/custom-fields'
const OPTIONS = [{ value: 'a', label: { es: 'A', en: 'A' } }]
const INDEXED = (Object.keys(STORAGE) as CustomFieldType[]).filter((t) => STORAGE[t].indexed)
const created = new Map<string, CustomFieldType>()
let sequence = 0

async function addField(supervisor: Session, profileId: number, type: CustomFieldType) {
  const key = `cap_${Date.now() % 100000}_${++sequence}`
  const response = await postField(supervisor, profileId, {
    key,
    type,
    label: { es: key, en: key },
    options: type.endsWith('select') ? OPTIONS : undefined,
  })
  if (response.status() === 201) created.set(key, type)
  return response
}

async function changeType(supervisor: Session, id: number, type: CustomFieldType) {
  const response = await supervisor
    .post(`${BASE}/fields/${id}/change-type`)
    .json({ type, confirm: true, options: type.endsWith('select') ? OPTIONS : undefined })
  const key = response.body().data?.key
  if (response.status() === 200) created.set(key, type)
  return response
}

test.group('custom-fields: cap per client', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.teardown(async () => {
    await db.from('cf_fields').delete()
    customFields.invalidate()
    for (const [key, type] of created) await ColumnManager.drop(key, type).catch(() => {})
  })

  test('clients take fields up to the cap, retired ones included; the next is refused with what remains', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const profile = await supervisor
      .post('/api/r/cf_profiles')
      .json({ name: 'Tope', campaigns: [] })
    const profileId = profile.body().data.id
    const texts: number[] = []

    // Every indexed type once, then VARCHAR text (the widest row) up to the index cap.
    for (let i = 0; i < MAX_INDEXED_FIELDS; i++) {
      const type = INDEXED[i] ?? 'text'
      const response = await addField(supervisor, profileId, type)
      assert.equal(response.status(), 201, `indexed field ${i + 1} (${type})`)
      if (type === 'text') texts.push(response.body().data.id)
    }
    ;(await supervisor.post(`${FIELDS}/${texts[0]}/archive`)).assertStatus(200)
    const noIndex = await addField(supervisor, profileId, 'date')
    noIndex.assertStatus(422)
    assert.equal(noIndex.body().error.code, 'INDEXED_FIELD_LIMIT')
    assert.include(
      noIndex.body().error.message,
      `aún caben ${MAX_FIELDS - MAX_INDEXED_FIELDS} campo(s)`
    )
    assert.equal(noIndex.body().error.fields[0].field, 'type')

    // The rest as unindexed VARCHAR (multiselect), the last one as TEXT.
    const unindexed = MAX_FIELDS - MAX_INDEXED_FIELDS
    let textarea = 0
    for (let i = 0; i < unindexed; i++) {
      const type = i < unindexed - 1 ? 'multiselect' : 'textarea'
      const response = await addField(supervisor, profileId, type)
      assert.equal(response.status(), 201, `unindexed field ${i + 1} (${type})`)
      textarea = response.body().data.id
    }
    const full = await addField(supervisor, profileId, 'textarea')
    full.assertStatus(422)
    assert.equal(full.body().error.code, 'FIELD_LIMIT')
    assert.include(full.body().error.message, 'No quedan campos personalizados')
    assert.equal(full.body().error.fields[0].field, 'key')
    const english = await supervisor.post(FIELDS).header('Accept-Language', 'en').json({
      profile_id: profileId,
      key: 'cap_english',
      type: 'textarea',
      label_es: 'x',
      label_en: 'x',
    })
    assert.include(english.body().error.message, 'No custom fields remain')

    // At the cap a type change still has room for its spare column, but not for a new index.
    ;(await changeType(supervisor, texts[1], 'number')).assertStatus(200)
    const indexing = await changeType(supervisor, textarea, 'text')
    indexing.assertStatus(422)
    assert.equal(indexing.body().error.code, 'INDEXED_FIELD_LIMIT')
    const [row] = await db.from('cf_fields').count('* as n')
    assert.equal(Number(row.n), MAX_FIELDS)
  })
})

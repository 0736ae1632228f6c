import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { importFile, plugins, signIn, truncateAfterEach, uploadAndValidate } from '#sdk/testing'
import { ColumnManager } from '../backend/column_manager.ts'
import { customFields } from '../backend/custom_fields.ts'
import { postField } from './field_requests.ts'

let sequence = 0

async function campaign(name: string) {
  const [id] = await db.table('campaigns').insert({
    name: `${name} ${++sequence}`,
    type: 'outbound_dialer',
    active: 1,
    created_at: '2026-01-01 00:00:00',
  })
  return Number(id)
}

const customColumns: string[] = []

test.group('custom-fields: CSV import of clients', (group) => {
  // Jobs run outside the request, on their own connection: commit and truncate.
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.timeout(180_000)
  group.teardown(async () => {
    await db.from('cf_fields').delete()
    customFields.invalidate()
    for (const column of customColumns) await ColumnManager.drop(column, 'select').catch(() => {})
  })

  test('the template lists what a create accepts, custom fields included', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const campaignId = await campaign('Cobranzas')
    const profile = await supervisor
      .post('/api/r/cf_profiles')
      .json({ name: `Perfil ${++sequence}`, campaigns: [campaignId] })
    profile.assertStatus(201)
    const segment = `segmento_${Date.now() % 100000}_${++sequence}`
    const field = await postField(supervisor, profile.body().data.id, {
      key: segment,
      type: 'select',
      label: { es: 'Segmento', en: 'Segment' },
      required: true,
      options: [
        { value: 'oro', label: { es: 'Oro', en: 'Gold' } },
        { value: 'plata', label: { es: 'Plata', en: 'Silver' } },
      ],
    })
    field.assertStatus(201)
    customColumns.push(segment)

    const template = await supervisor
      .get('/api/r/clients/import/template.csv')
      .qs({ headers: 'keys' })
    template.assertStatus(200)
    template.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.include(template.header('content-disposition'), 'clients-plantilla.csv')
    const header = template
      .text()
      .replace(/^\uFEFF/, '')
      .trim()
      .split(',')
    assert.includeMembers(header, ['first_name', 'email', 'primary_phone', 'campaign_id', segment])
    for (const absent of ['id', 'country', 'created_at', 'updated_at', 'last_interaction_at']) {
      assert.notInclude(header, absent)
    }

    // The custom field is a column of the import too: by key or by label,
    // an option by its label, required only on its campaign's clients.
    const invalid = await uploadAndValidate(
      supervisor,
      `first_name;campaign_id;Segmento\nAna;${campaignId};Oro\nBea;${campaignId};\nCaro;;\n`
    )
    assert.equal(invalid.status, 'invalid')
    assert.deepEqual(
      invalid.errors.map((error) => [error.line, error.field]),
      [[3, segment]]
    )
    const done = await importFile(
      supervisor,
      `first_name;campaign_id;${segment}\nAna;${campaignId};Oro\nBea;${campaignId};plata\n`
    )
    assert.equal(done.status, 'done')
    const stored = await db.from('clients').orderBy('id').select('first_name', segment)
    assert.deepEqual(
      stored.map((row) => [row.first_name, row[segment]]),
      [
        ['Ana', 'oro'],
        ['Bea', 'plata'],
      ]
    )
  })
})

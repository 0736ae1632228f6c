import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signIn, makeClient } from '#sdk/testing'
import { FIELDS, postField, withFieldColumns, type MadeColumn } from './field_requests.ts'

const created: MadeColumn[] = []
/** Keys are columns of clients and outlive a test: each test takes new ones. */
const key = (stem: string) => `${stem}_${Date.now() % 100000}_${created.length}`

test.group('custom-fields: client merge', (group) => {
  withFieldColumns(group, created)

  test("the survivor keeps its custom values and takes the merged client's where it has none", async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const profile = await admin
      .post('/api/r/cf_profiles')
      .json({ name: 'Cobranzas', campaigns: [] })
    profile.assertStatus(201)
    const fields = {
      segment: { key: key('segmento'), type: 'text' as const },
      debt: { key: key('deuda'), type: 'number' as const },
      promise: { key: key('promesa'), type: 'boolean' as const },
      branch: { key: key('sucursal'), type: 'text' as const },
    }
    const ids: Record<string, number> = {}
    for (const [name, field] of Object.entries(fields)) {
      const response = await postField(admin, profile.body().data.id, {
        ...field,
        label: { es: name, en: name },
      })
      response.assertStatus(201)
      created.push(field)
      ids[name] = response.body().data.id
    }
    const retired = await admin.post(`${FIELDS}/${ids.branch}/archive`)
    retired.assertStatus(200)
    const { segment, debt, promise, branch } = fields
    const survivor = await makeClient({ [segment.key]: 'oro', [promise.key]: 0 })
    const merged = await makeClient({
      [segment.key]: 'plata',
      [debt.key]: 1500,
      [promise.key]: 1,
      [branch.key]: 'Centro',
    })

    const response = await admin
      .post(`/api/clients/${survivor}/merge`)
      .json({ otherId: merged, survivorId: survivor, confirm: true })
    response.assertStatus(200)

    const row = await db.from('clients').where('id', survivor).firstOrFail()
    assert.equal(row[segment.key], 'oro')
    assert.equal(Number(row[debt.key]), 1500)
    assert.equal(Number(row[promise.key]), 0)
    assert.equal(row[branch.key], 'Centro')
    const audit = await db
      .from('audit_logs')
      .where({ action: 'merge', resource: 'clients', record_id: String(survivor) })
      .firstOrFail()
    assert.sameMembers(JSON.parse(audit.after).plugins['custom-fields'].filled, [
      debt.key,
      branch.key,
    ])
  })
})

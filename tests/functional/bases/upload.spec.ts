import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import plugins from '#services/plugins'
import { signIn } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'
import { settle } from '#tests/helpers/imports'
import type { Session } from '#tests/helpers/imports'

const CSV = 'first_name;last_name;document\r\nAna;Gómez;D-1\r\nBea;Ruiz;D-2\r\n'

async function makeCampaign(session: Session, name = 'Cobranzas') {
  const created = await session.post('/api/r/campaigns').json({ name, type: 'outbound_dialer' })
  created.assertStatus(201)
  return created.body().data.id as number
}

function uploadBase(session: Session, fields: Record<string, string>, filename = 'mayo.csv') {
  let request = session.post('/api/r/clients/imports')
  for (const [name, value] of Object.entries(fields)) request = request.field(name, value)
  return request.file('file', Buffer.from(CSV), { filename })
}

async function importBase(session: Session, fields: Record<string, string>) {
  const uploaded = await uploadBase(session, fields)
  uploaded.assertStatus(202)
  const ready = await settle(session, uploaded.body().data.id)
  if (ready.status !== 'ready') throw new Error(JSON.stringify(ready))
  ;(await session.post(`/api/r/clients/imports/${ready.id}/start`)).assertStatus(202)
  return settle(session, ready.id)
}

test.group('Bases: each upload of clients is a base', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.timeout(120_000)

  test('the upload makes a base; every imported client carries it and its campaign', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const campaignId = await makeCampaign(admin)
    const supervisor = await signIn(client, 'supervisor')
    const done = await importBase(supervisor, {
      base_name: 'Mora 30 días',
      campaign_id: String(campaignId),
    })
    assert.equal(done.status, 'done')

    const [base] = await db.from('bases')
    assert.containsSubset(base, { name: 'Mora 30 días', file_name: 'mayo.csv' })
    assert.equal(Number(base.campaign_id), campaignId)
    assert.equal(Number(base.rows), 2)
    assert.equal(Number(base.created_by), supervisor.user.id)
    const imported = await db.from('clients').orderBy('id')
    assert.lengthOf(imported, 2)
    for (const row of imported) {
      assert.equal(Number(row.base_id), Number(base.id))
      assert.equal(Number(row.campaign_id), campaignId)
    }

    // The client's history says which base it came with.
    const history = await supervisor.get(`/api/r/clients/${imported[0].id}/history`)
    history.assertStatus(200)
    // One audit entry per imported batch, naming the base (issue 14).
    const created = history.body().data.find((entry: any) => entry.action === 'import')
    assert.equal(Number(created.after.base_id), Number(base.id))
    const audit = await db.from('audit_logs').where({ resource: 'bases', action: 'create' })
    assert.lengthOf(audit, 1)

    // Bases are a resource: listed with their counts.
    const list = await supervisor.get('/api/r/bases')
    list.assertStatus(200)
    assert.containsSubset(list.body().data, [{ name: 'Mora 30 días', rows: 2 }])
    const counts = await supervisor.get(`/api/bases/counts?ids=${base.id}`)
    counts.assertStatus(200)
    assert.deepEqual(counts.body().data[String(base.id)], { clients: 2, kept: 0 })
  })

  test('a base with no name is named after its file, and has no campaign', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const done = await importBase(supervisor, {})
    assert.equal(done.status, 'done')
    const [base] = await db.from('bases')
    assert.equal(base.name, 'mayo')
    assert.isNull(base.campaign_id)
    const imported = await db.from('clients').where('base_id', base.id)
    assert.lengthOf(imported, 2)
    assert.isTrue(imported.every((row) => row.campaign_id === null))
  })

  test('a wrong campaign or base name is a 422 on its field; no base, no job', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const campaignId = await makeCampaign(admin, 'Archivada')
    ;(await admin.post(`/api/r/campaigns/${campaignId}/archive`)).assertStatus(200)

    const cases: Array<[Record<string, string>, string, string]> = [
      [{ campaign_id: '999999' }, 'campaign_id', 'exists'],
      [{ campaign_id: 'abc' }, 'campaign_id', 'number'],
      [{ campaign_id: String(campaignId) }, 'campaign_id', 'archived'],
      [{ base_name: 'x'.repeat(121) }, 'base_name', 'maxLength'],
    ]
    for (const [fields, field, rule] of cases) {
      const refused = await uploadBase(admin, fields)
      refused.assertStatus(422)
      assert.containsSubset(refused.body().error.fields, [{ field, rule }])
    }
    assert.lengthOf(await db.from('bases'), 0)
    assert.lengthOf(await db.from('resource_imports'), 0)
  })

  test('agents neither see bases nor their counts', async ({ client }) => {
    const agent = await signIn(client, 'agent')
    ;(await agent.get('/api/r/bases')).assertStatus(403)
    ;(await agent.get('/api/bases/counts?ids=1')).assertStatus(403)
  })
})

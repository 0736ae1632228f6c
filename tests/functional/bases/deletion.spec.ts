import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import plugins from '#services/plugins'
import grants from '#services/grants'
import { SYSTEM_ACTOR, toSqlDateTime } from '#services/audit_log'
import { signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'
import { truncateAfterEach } from '#tests/helpers/database'
import { deleteBase, makeBase, type BaseDeletion } from '#tests/helpers/bases'

async function addNote(clientId: number) {
  await db.table('client_notes').insert({
    client_id: clientId,
    body: 'Pidió que lo llamen el lunes',
    created_at: toSqlDateTime(DateTime.utc()),
  })
}

/** `count` clients of the base in multi-row inserts (no phones): the purge's batches. */
async function manyClients(baseId: number, count: number) {
  const now = toSqlDateTime(DateTime.utc())
  for (let from = 0; from < count; from += 500) {
    const rows = Array.from({ length: Math.min(500, count - from) }, (_, i) => ({
      first_name: `Masivo${from + i}`,
      search_name: `masivo${from + i}`,
      status: 'new',
      vip: 0,
      bad: 0,
      base_id: baseId,
      created_at: now,
    }))
    await db.table('clients').multiInsert(rows)
  }
}

test.group('Bases: deleting a base', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.timeout(120_000)

  test('the plan says how many clients go and lists those kept by their notes', async ({
    client,
    assert,
  }) => {
    const baseId = await makeBase({ name: 'Mora 60' })
    const plain = await makeClient({ base_id: baseId })
    await makeClient({ base_id: baseId })
    const noted = await makeClient({ base_id: baseId, first_name: 'Nora', last_name: 'Notas' })
    await addNote(noted)
    await makeClient()

    const supervisor = await signIn(client, 'supervisor')
    const plan = await supervisor.get(`/api/bases/${baseId}/deletion`)
    plan.assertStatus(200)
    assert.containsSubset(plan.body().data, {
      baseId,
      baseName: 'Mora 60',
      clients: 3,
      deleted: 2,
      kept: 1,
      keptBy: [{ es: 'nota(s)', en: 'note(s)', count: 1 }],
      keptClients: [{ id: noted, name: 'Nora Notas' }],
    })
    assert.lengthOf(plan.body().data.keptClients, 1)
    // Nothing was deleted by asking.
    assert.isNotNull(await db.from('clients').where('id', plain).first())
  })

  test('deleting removes the clients nothing keeps, keeps the others, and audits each step', async ({
    client,
    assert,
  }) => {
    const baseId = await makeBase()
    const gone = [await makeClient({ base_id: baseId, primary_phone: '+573001112233' })]
    gone.push(await makeClient({ base_id: baseId }))
    const noted = await makeClient({ base_id: baseId })
    await addNote(noted)
    const otherBase = await makeBase({ name: 'Otra' })
    const elsewhere = await makeClient({ base_id: otherBase })

    const supervisor = await signIn(client, 'supervisor')
    const done = await deleteBase(supervisor, baseId)
    assert.containsSubset(done, { status: 'done', total: 2, deleted: 2, kept: 1, baseId })
    assert.deepEqual(
      done.keptClients.map((kept) => kept.id),
      [noted]
    )
    assert.lengthOf(await db.from('clients').whereIn('id', gone), 0)
    assert.lengthOf(await db.from('client_phones').whereIn('client_id', gone), 0)
    assert.isNotNull(await db.from('clients').where('id', noted).first())
    assert.isNotNull(await db.from('clients').where('id', elsewhere).first())
    // The base stays while it keeps a client, with only that one.
    assert.isNotNull(await db.from('bases').where('id', baseId).first())
    const actions = await db
      .from('audit_logs')
      .where({ resource: 'bases', record_id: String(baseId) })
      .orderBy('id')
      .select('action', 'actor_id')
    assert.deepEqual(
      actions.map((entry) => entry.action),
      ['base.delete_started', 'base.clients_deleted', 'base.deleted']
    )
    assert.isTrue(actions.every((entry) => Number(entry.actor_id) === supervisor.user.id))
  })

  test('five deletions of one base started at once: one runs, the others are refused', async ({
    client,
    assert,
  }) => {
    const baseId = await makeBase()
    await manyClients(baseId, 1_200)
    const supervisor = await signIn(client, 'supervisor')
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => supervisor.post(`/api/bases/${baseId}/delete`))
    )
    const statuses = answers.map((answer) => answer.status())
    assert.equal(statuses.filter((status) => status === 202).length, 1, String(statuses))
    // The others found it running, or (SQLite is quick) the base already gone.
    for (const answer of answers.filter((one) => one.status() !== 202)) {
      if (answer.status() === 404) continue
      assert.equal(answer.status(), 409)
      assert.equal(answer.body().error.code, 'BASE_DELETION_RUNNING')
    }
    // One deletion row (its base_id is cleared once the base row goes).
    assert.lengthOf(await db.from('base_deletions'), 1)
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      const row = await db.from('base_deletions').first()
      if (row?.status !== 'running') break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    assert.lengthOf(await db.from('clients').where('base_id', baseId), 0)
  })

  test('a base whose clients all go is removed, in batches of 1,000 with progress', async ({
    client,
    assert,
  }) => {
    const baseId = await makeBase()
    await manyClients(baseId, 2_500)
    const otherBase = await makeBase({ name: 'Otra' })
    await manyClients(otherBase, 3)

    const admin = await signIn(client, 'admin')
    const seen: BaseDeletion[] = []
    const done = await deleteBase(admin, baseId, seen)
    assert.containsSubset(done, { status: 'done', total: 2_500, deleted: 2_500, kept: 0 })
    assert.deepEqual(done.keptClients, [])
    assert.isNull(await db.from('bases').where('id', baseId).first())
    assert.lengthOf(await db.from('clients').where('base_id', otherBase), 3)
    const batches = await db
      .from('audit_logs')
      .where({ action: 'base.clients_deleted', record_id: String(baseId) })
      .orderBy('id')
    assert.deepEqual(
      batches.map((entry) => JSON.parse(entry.after).deleted),
      [1_000, 1_000, 500]
    )
    // Progress only grows, and never past the total.
    const counts = seen.map((poll) => poll.deleted)
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => a - b)
    )
    assert.isAtMost(Math.max(...counts), 2_500)
  })

  test('a note keeps a client from its base deletion only: the client alone may be deleted', async ({
    client,
  }) => {
    const noted = await makeClient({ base_id: await makeBase() })
    await addNote(noted)
    const admin = await signIn(client, 'admin')
    ;(await admin.delete(`/api/r/clients/${noted}`)).assertStatus(204)
  })

  test('only who holds bases.purge plans or deletes a base; an unknown base is a 404', async ({
    client,
    assert,
  }) => {
    const baseId = await makeBase()
    await makeClient({ base_id: baseId })
    const agent = await signIn(client, 'agent')
    ;(await agent.get(`/api/bases/${baseId}/deletion`)).assertStatus(403)
    ;(await agent.post(`/api/bases/${baseId}/delete`)).assertStatus(403)

    const supervisor = await signIn(client, 'supervisor')
    await grants.change(
      [{ role: 'supervisor', permission: 'bases.purge', granted: false }],
      SYSTEM_ACTOR
    )
    ;(await supervisor.post(`/api/bases/${baseId}/delete`)).assertStatus(403)
    assert.lengthOf(await db.from('clients').where('base_id', baseId), 1)

    const admin = await signIn(client, 'admin')
    ;(await admin.get('/api/bases/999999/deletion')).assertStatus(404)
    ;(await admin.get('/api/bases/deletions/999999')).assertStatus(404)
  })
})

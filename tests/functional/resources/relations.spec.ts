import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import plugins from '#services/plugins'
import resources from '#services/resources'
import { field as fields } from '#resources'
import { toSqlDateTime } from '#services/audit_log'
import { makeUser, signIn } from '#tests/helpers/auth'
import { truncateAfterEach, watchQueries } from '#tests/helpers/database'
import { seedGreetings } from '#tests/helpers/greetings'

type Session = Awaited<ReturnType<typeof signIn>>

/** Inserts greeting lists directly; answers their ids in order. */
async function seedLists(names: string[], extra: Record<string, unknown> = {}) {
  const ids: number[] = []
  for (const name of names) {
    const [id] = await db
      .table('greeting_lists')
      .insert({ name, created_at: toSqlDateTime(DateTime.utc()), ...extra })
    ids.push(Number(id))
  }
  return ids
}

async function linkedIds(greetingId: number) {
  const rows = await db
    .from('greeting_list_members')
    .where('greeting_id', greetingId)
    .orderBy('list_id')
    .select('list_id')
  return rows.map((row) => Number(row.list_id))
}

/** The odd ones of the first seven. */
function linkedOdd(ids: number[]) {
  return ids.slice(0, 7).filter((_, i) => i % 2 === 1)
}

async function listIds(session: Session, filter: unknown) {
  const response = await session
    .get('/api/r/greetings')
    .qs({ sort: 'id', filter: JSON.stringify(filter) })
  response.assertStatus(200)
  return response.body().data.map((row: { id: number }) => row.id)
}

test.group('Resource engine: relations (many-to-many)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('/api/meta describes a relations field with its target and operators', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const meta = await admin.get('/api/meta')
    meta.assertStatus(200)
    const greetings = meta
      .body()
      .data.resources.find((r: { name: string }) => r.name === 'greetings')
    const lists = greetings.fields.find((f: { name: string }) => f.name === 'lists')
    assert.containsSubset(lists, {
      type: 'relations',
      relation: { resource: 'greeting_lists', labelField: 'name' },
      sortable: false,
    })
    assert.sameMembers(lists.operators, ['contains', 'in', 'null', 'notNull'])
  })

  test('a relations field must name its link table, and is no sort key', async ({ assert }) => {
    const declare = (extra: Record<string, unknown>) =>
      resources.register({
        name: 'broken_lists',
        table: 'greetings',
        label: { es: 'Rotas', en: 'Broken' },
        fields: [
          fields.id(),
          {
            name: 'lists',
            type: 'relations',
            label: { es: 'Listas', en: 'Lists' },
            relation: { resource: 'greeting_lists', labelField: 'name' },
            ...extra,
          },
        ],
        permissions: { admin: ['list'] },
      })
    assert.throws(() => declare({}), /field "lists" needs `relation` and `through`/)
    const through = { table: 'greeting_list_members', localKey: 'greeting_id', foreignKey: 'x' }
    assert.throws(() => declare({ through, sortable: true }), /cannot be sortable/)
    assert.throws(
      () => declare({ through: { ...through, table: 'x; DROP TABLE users' } }),
      /invalid `through`/
    )
    assert.isUndefined(resources.find('broken_lists'))
  })

  test('create links the records in its transaction; show gives the ids; the audit has them', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const [a, b, c] = await seedLists(['A', 'B', 'C'])
    const created = await admin
      .post('/api/r/greetings')
      .json({ message: 'Hola', lists: [c, String(a), c] })
    created.assertStatus(201)
    const id = created.body().data.id
    assert.deepEqual(created.body().data.lists, [a, c])
    assert.deepEqual(await linkedIds(id), [a, c])

    const shown = await admin.get(`/api/r/greetings/${id}`)
    assert.deepEqual(shown.body().data.lists, [a, c])
    const bare = await admin.post('/api/r/greetings').json({ message: 'Sin listas' })
    assert.deepEqual(bare.body().data.lists, [])
    void b

    const audit = await db
      .from('audit_logs')
      .where({ resource: 'greetings', record_id: String(id), action: 'create' })
      .firstOrFail()
    assert.deepEqual(JSON.parse(audit.after).lists, [a, c])
  })

  test('update replaces the set; the history shows the ids before and after', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const [a, b, c] = await seedLists(['A', 'B', 'C'])
    const id = (
      await admin.post('/api/r/greetings').json({ message: 'Hola', lists: [a, b] })
    ).body().data.id

    const updated = await admin.patch(`/api/r/greetings/${id}`).json({ lists: [c, b] })
    updated.assertStatus(200)
    assert.deepEqual(updated.body().data.lists, [b, c])
    assert.deepEqual(await linkedIds(id), [b, c])

    const [latest] = (await admin.get(`/api/r/greetings/${id}/history`)).body().data
    assert.equal(latest.action, 'update')
    assert.deepEqual(latest.before.lists, [a, b])
    assert.deepEqual(latest.after.lists, [b, c])

    // A change of other fields leaves the links alone; null empties them.
    await admin.patch(`/api/r/greetings/${id}`).json({ priority: 3 })
    assert.deepEqual(await linkedIds(id), [b, c])
    const cleared = await admin.patch(`/api/r/greetings/${id}`).json({ lists: null })
    assert.deepEqual(cleared.body().data.lists, [])
    assert.deepEqual(await linkedIds(id), [])
  })

  test('delete removes the links with the record and audits them', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const [a] = await seedLists(['A'])
    const id = (await admin.post('/api/r/greetings').json({ message: 'Hola', lists: [a] })).body()
      .data.id
    ;(await admin.delete(`/api/r/greetings/${id}`)).assertStatus(204)
    assert.deepEqual(await linkedIds(id), [])
    const audit = await db
      .from('audit_logs')
      .where({ resource: 'greetings', record_id: String(id), action: 'delete' })
      .firstOrFail()
    assert.deepEqual(JSON.parse(audit.before).lists, [a])
  })

  test('the list loads the links of a whole page in one query', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await signIn(client, 'admin')
    const [a, b] = await seedLists(['A', 'B'])
    const ids = await seedGreetings(
      Array.from({ length: 6 }, (_, i) => ({ message: `m${i}`, priority: 1 }))
    )
    await db.table('greeting_list_members').multiInsert([
      { greeting_id: ids[0], list_id: a },
      { greeting_id: ids[0], list_id: b },
      { greeting_id: ids[3], list_id: b },
    ])
    const queries = watchQueries(cleanup)

    const list = await admin.get('/api/r/greetings').qs({ sort: 'id', perPage: 10 })
    list.assertStatus(200)
    const byId = new Map(list.body().data.map((row: any) => [row.id, row.lists]))
    assert.deepEqual(byId.get(ids[0]), [a, b])
    assert.deepEqual(byId.get(ids[3]), [b])
    assert.deepEqual(byId.get(ids[5]), [])
    assert.lengthOf(
      queries.filter((sql) => sql.includes('greeting_list_members')),
      1,
      queries.join('\n')
    )
  })

  test('a list narrowed by links is read from the link table: each record once, pages in order, the total exact', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await signIn(client, 'admin')
    const [a, b, c] = await seedLists(['A', 'B', 'C'])
    const ids = await seedGreetings(
      Array.from({ length: 8 }, (_, i) => ({ message: `g${i}`, priority: i % 2 }))
    )
    // every greeting but the last in A, the odd ones in B too, the first in C
    const links = ids.slice(0, 7).map((id) => ({ greeting_id: id, list_id: a }))
    for (const id of linkedOdd(ids)) links.push({ greeting_id: id, list_id: b })
    links.push({ greeting_id: ids[0], list_id: c })
    await db.table('greeting_list_members').multiInsert(links)
    const linked = ids.slice(0, 7)
    const queries = watchQueries(cleanup)
    const pages = async (filter: unknown, sort: string) => {
      const seen: number[] = []
      let total = 0
      for (let page = 1; page <= 5; page++) {
        const response = await admin
          .get('/api/r/greetings')
          .qs({ sort, perPage: 2, page, filter: JSON.stringify(filter) })
        response.assertStatus(200)
        total = response.body().meta.total
        seen.push(...response.body().data.map((row: { id: number }) => row.id))
      }
      return { seen, total }
    }
    const inAB = { field: 'lists', op: 'in', value: [a, b] }
    assert.deepEqual(await pages(inAB, 'id'), { seen: linked, total: 7 })
    assert.deepEqual(await pages(inAB, '-id'), { seen: [...linked].reverse(), total: 7 })
    assert.deepEqual(await pages({ field: 'lists', op: 'contains', value: b }, '-id'), {
      seen: [ids[5], ids[3], ids[1]],
      total: 3,
    })
    // with the list's other conditions, and in another order
    const odd = { and: [inAB, { field: 'priority', op: 'eq', value: 1 }] }
    assert.deepEqual(await pages(odd, '-id'), { seen: [ids[5], ids[3], ids[1]], total: 3 })
    const byMessage = await pages({ field: 'lists', op: 'in', value: [b, c] }, '-message')
    assert.deepEqual(byMessage, { seen: [ids[5], ids[3], ids[1], ids[0]], total: 4 })
    assert.isTrue(
      queries.some((sql) => /from [`"]greeting_list_members[`"] as [`"]driving_link[`"]/.test(sql)),
      queries.join('\n')
    )
  })

  test('every relations field of a page is read in one statement (clients: alerts and contactability)', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await signIn(client, 'admin')
    const relations = [...resources.fieldsOf(resources.find('clients')!).values()].filter(
      (field) => field.type === 'relations'
    )
    assert.isAtLeast(relations.length, 2, 'collections-alerts gives clients two relations fields')
    const created = await admin
      .post('/api/r/clients')
      .json({ first_name: 'Con', last_name: 'Vínculos' })
    created.assertStatus(201)
    const queries = watchQueries(cleanup)
    const list = await admin.get('/api/r/clients').qs({ perPage: 5 })
    list.assertStatus(200)
    const reads = queries.filter((sql) =>
      relations.some((field) => sql.includes(field.through!.table))
    )
    assert.lengthOf(reads, 1)
    for (const field of relations) assert.include(reads[0], field.through!.table)
    for (const row of list.body().data) {
      for (const field of relations) assert.isArray(row[field.name])
    }
  })

  test('filters contains, in, null and notNull select by links', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const [a, b, c] = await seedLists(['A', 'B', 'C'])
    const [none, onlyA, aAndB, onlyC] = await seedGreetings([
      { message: 'none' },
      { message: 'a' },
      { message: 'ab' },
      { message: 'c' },
    ])
    await db.table('greeting_list_members').multiInsert([
      { greeting_id: onlyA, list_id: a },
      { greeting_id: aAndB, list_id: a },
      { greeting_id: aAndB, list_id: b },
      { greeting_id: onlyC, list_id: c },
    ])
    const field = 'lists'
    assert.deepEqual(await listIds(admin, { field, op: 'contains', value: a }), [onlyA, aAndB])
    assert.deepEqual(await listIds(admin, { field, op: 'contains', value: b }), [aAndB])
    assert.deepEqual(await listIds(admin, { field, op: 'in', value: [b, c] }), [aAndB, onlyC])
    assert.deepEqual(await listIds(admin, { field, op: 'null' }), [none])
    assert.deepEqual(await listIds(admin, { field, op: 'notNull' }), [onlyA, aAndB, onlyC])
    assert.deepEqual(
      await listIds(admin, {
        or: [
          { field, op: 'contains', value: c },
          { field: 'message', op: 'eq', value: 'none' },
        ],
      }),
      [none, onlyC]
    )
    const refused = await admin
      .get('/api/r/greetings')
      .qs({ filter: JSON.stringify({ field, op: 'contains', value: '1) OR 1=1 --' }) })
    refused.assertStatus(422)
    assert.equal(refused.body().error.fields[0].field, 'filter.value')
    const eq = await admin
      .get('/api/r/greetings')
      .qs({ filter: JSON.stringify({ field, op: 'eq', value: a }) })
    assert.equal(eq.body().error.fields[0].field, 'filter.op')
    ;(await admin.get('/api/r/greetings').qs({ sort: 'lists' })).assertStatus(422)
  })

  test('only existing, visible, active records may be linked: 422 naming the field', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const other = await makeUser('agent')
    const [own] = await seedLists(['Mía'], { owner_id: agent.user.id })
    const [foreign] = await seedLists(['Ajena'], { owner_id: other.id })
    const [archived] = await seedLists(['Vieja'], {
      archived_at: toSqlDateTime(DateTime.utc()),
    })
    const [greeting] = await seedGreetings([{ message: 'Hola', owner_id: agent.user.id }])

    const refuse = async (lists: unknown, rule: string) => {
      const response = await agent.patch(`/api/r/greetings/${greeting}`).json({ lists })
      response.assertStatus(422)
      assert.equal(response.body().error.fields[0].field.split('[')[0], 'lists')
      assert.equal(response.body().error.fields[0].rule, rule)
    }
    await refuse([foreign], 'exists')
    await refuse([own, 999_999], 'exists')
    await refuse(['x'], 'number')
    await refuse(7, 'array')
    assert.deepEqual(await linkedIds(greeting), [])

    const admin = await signIn(client, 'admin')
    const archivedRefused = await admin
      .patch(`/api/r/greetings/${greeting}`)
      .json({ lists: [archived] })
    archivedRefused.assertStatus(422)
    assert.equal(archivedRefused.body().error.fields[0].rule, 'archived')

    ;(await agent.patch(`/api/r/greetings/${greeting}`).json({ lists: [own] })).assertStatus(200)
    assert.deepEqual(await linkedIds(greeting), [own])
  })

  test('a link kept as it is needs no new check (archived later, or out of sight)', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const [a, b] = await seedLists(['A', 'B'])
    const id = (await admin.post('/api/r/greetings').json({ message: 'Hola', lists: [a] })).body()
      .data.id
    await db
      .from('greeting_lists')
      .where('id', a)
      .update({ archived_at: toSqlDateTime(DateTime.utc()) })
    const kept = await admin.patch(`/api/r/greetings/${id}`).json({ lists: [a, b] })
    kept.assertStatus(200)
    assert.deepEqual(await linkedIds(id), [a, b])
  })

  test('a failing write rolls back the row and its links together', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await signIn(client, 'admin')
    const [a, b] = await seedLists(['A', 'B'])
    const id = (await admin.post('/api/r/greetings').json({ message: 'Hola', lists: [a] })).body()
      .data.id
    const definition = resources.getOrFail('greetings')
    const hooks = definition.hooks
    definition.hooks = {
      afterCreate: () => {
        throw new Error('after create fails')
      },
      afterUpdate: () => {
        throw new Error('after update fails')
      },
    }
    cleanup(() => {
      definition.hooks = hooks
    })
    const before = await db.from('greetings').count('* as total').firstOrFail()
    ;(await admin.post('/api/r/greetings').json({ message: 'Nunca', lists: [b] })).assertStatus(500)
    const after = await db.from('greetings').count('* as total').firstOrFail()
    assert.equal(Number(after.total), Number(before.total))
    assert.equal(
      Number((await db.from('greeting_list_members').count('* as n').firstOrFail()).n),
      1
    )
    ;(
      await admin.patch(`/api/r/greetings/${id}`).json({ message: 'Cambio', lists: [b] })
    ).assertStatus(500)
    assert.deepEqual(await linkedIds(id), [a])
    const row = await db.from('greetings').where('id', id).firstOrFail()
    assert.equal(row.message, 'Hola')
  })

  test('write events carry the links', async ({ client, assert, cleanup }) => {
    const heard: Array<[string, any]> = []
    for (const event of ['resource.created', 'resource.updated', 'resource.deleted'] as const) {
      const listener = (data: unknown) => void heard.push([event, data])
      emitter.on(event, listener)
      cleanup(() => emitter.off(event, listener))
    }
    const admin = await signIn(client, 'admin')
    const [a, b] = await seedLists(['A', 'B'])
    const id = (await admin.post('/api/r/greetings').json({ message: 'Hola', lists: [a] })).body()
      .data.id
    await admin.patch(`/api/r/greetings/${id}`).json({ lists: [a, b] })
    await admin.delete(`/api/r/greetings/${id}`)
    const ours = heard.filter(([, data]) => data.resource === 'greetings' && data.id === id)
    assert.deepEqual(
      ours.map(([event, data]) => [event, data.links]),
      [
        ['resource.created', { lists: [a] }],
        ['resource.updated', { lists: [a, b] }],
        ['resource.deleted', { lists: [a, b] }],
      ]
    )
  })
})

test.group('Resource engine: relations in CSV export and import', (group) => {
  // The export reads and the import writes outside the test's transaction: commit and truncate.
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.timeout(120_000)

  test('the export writes the linked records’ names joined by |', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const [a, b] = await seedLists(['A', 'B'])
    const [first, second] = await seedGreetings([{ message: 'uno' }, { message: 'dos' }])
    await db.table('greeting_list_members').multiInsert([
      { greeting_id: first, list_id: b },
      { greeting_id: first, list_id: a },
    ])
    const response = await admin.get('/api/r/greetings/export.csv').qs({
      sort: 'id',
      headers: 'keys',
      filter: JSON.stringify({ field: 'lists', op: 'notNull' }),
    })
    response.assertStatus(200)
    const lines = response
      .text()
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    const header = lines[0].split(',')
    assert.include(header, 'lists')
    assert.lengthOf(lines, 2)
    // By name (issue 20.10), which the import reads back.
    assert.equal(lines[1].split(',')[header.indexOf('lists')], 'A|B')
    void [a, b, second]
  })

  test('the import reads ids separated by |, ; or , and checks them per row', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const [a, b, c] = await seedLists(['A', 'B', 'C'])
    const csv =
      'message;lists\r\n' +
      `uno;${a}|${b}\r\n` +
      `dos;"${b}; ${c}"\r\n` +
      `tres;"${a},${c}"\r\n` +
      'cuatro;999999\r\n'
    const uploaded = await admin
      .post('/api/r/greetings/imports')
      .file('file', Buffer.from(csv), { filename: 'saludos.csv' })
    uploaded.assertStatus(202)
    const job = await settleJob(admin, uploaded.body().data.id)
    assert.equal(job.status, 'invalid', JSON.stringify(job))
    assert.deepEqual(
      job.errors.map((error: any) => [error.line, error.field]),
      [[5, 'lists']]
    )

    const fixed = await admin
      .post('/api/r/greetings/imports')
      .file('file', Buffer.from(csv.replace('cuatro;999999', `cuatro;${c}`)), {
        filename: 'saludos.csv',
      })
    const ready = await settleJob(admin, fixed.body().data.id)
    assert.equal(ready.status, 'ready', JSON.stringify(ready))
    ;(await admin.post(`/api/r/greetings/imports/${ready.id}/start`)).assertStatus(202)
    const done = await settleJob(admin, ready.id)
    assert.equal(done.createdRows, 4, JSON.stringify(done))
    const rows = await db.from('greetings').orderBy('id').select('id', 'message')
    const links = await Promise.all(rows.map((row) => linkedIds(row.id)))
    assert.deepEqual(
      rows.map((row, i) => [row.message, links[i]]),
      [
        ['uno', [a, b]],
        ['dos', [b, c]],
        ['tres', [a, c]],
        ['cuatro', [c]],
      ]
    )
  })

  test('the import reads linked records by name (the export writes them so); an unknown one is a line error', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const [norte, sur] = await seedLists(['Lista Norte', 'Lista Sur'])
    const csv =
      'Mensaje;Listas\r\n' +
      'uno;lista norte|LISTA SUR\r\n' +
      `dos;Lista Sur|${norte}\r\n` +
      'tres;Lista Este\r\n'
    const uploaded = await admin
      .post('/api/r/greetings/imports')
      .file('file', Buffer.from(csv), { filename: 'saludos.csv' })
    uploaded.assertStatus(202)
    const job = await settleJob(admin, uploaded.body().data.id)
    assert.deepEqual(
      job.errors.map((error: any) => [error.line, error.field]),
      [[4, 'lists']]
    )
    assert.include(job.errors[0].message, '"Lista Este"')

    const fixed = await admin
      .post('/api/r/greetings/imports')
      .file('file', Buffer.from(csv.replace('tres;Lista Este\r\n', '')), {
        filename: 'saludos.csv',
      })
    const ready = await settleJob(admin, fixed.body().data.id)
    assert.equal(ready.status, 'ready', JSON.stringify(ready))
    ;(await admin.post(`/api/r/greetings/imports/${ready.id}/start`)).assertStatus(202)
    assert.equal((await settleJob(admin, ready.id)).createdRows, 2)
    const rows = await db.from('greetings').orderBy('id').select('id')
    const links = await Promise.all(rows.map((row) => linkedIds(row.id)))
    assert.deepEqual(links, [
      [norte, sur],
      [norte, sur],
    ])
  })
})

async function settleJob(session: Session, id: number) {
  for (let i = 0; i < 2000; i++) {
    const response = await session.get(`/api/r/greetings/imports/${id}`)
    response.assertStatus(200)
    const job = response.body().data
    if (!['validating', 'importing'].includes(job.status)) return job
    await new Promise((resolve) => setTimeout(resolve, 40))
  }
  throw new Error(`Import ${id} did not settle`)
}

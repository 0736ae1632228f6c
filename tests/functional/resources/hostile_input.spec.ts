import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import plugins from '#services/plugins'
import { signIn } from '#tests/helpers/auth'
import { seedGreetings } from '#tests/helpers/greetings'

type Admin = Awaited<ReturnType<typeof signIn>>
type Case = { name: string; status: number; send: (admin: Admin, id: number) => Promise<any> }

const filter = (tree: unknown) => ({ filter: JSON.stringify(tree) })
const list = (admin: Admin, qs: Record<string, unknown>) => admin.get('/api/r/greetings').qs(qs)

function nested(depth: number): unknown {
  let node: unknown = { field: 'priority', op: 'eq', value: 1 }
  for (let i = 0; i < depth; i++) node = { and: [node] }
  return node
}

/**
 * Hostile requests against the generic REST: each must answer the listed
 * 4xx with `{ error: { code, message, fields? } }`, never a 500.
 */
const CASES: Case[] = [
  {
    name: 'unknown filter field',
    status: 422,
    send: (a) => list(a, filter({ field: 'password', op: 'eq', value: 'x' })),
  },
  {
    name: 'unknown operator',
    status: 422,
    send: (a) => list(a, filter({ field: 'message', op: 'regex', value: '.*' })),
  },
  {
    name: 'operator not valid for the type',
    status: 422,
    send: (a) => list(a, filter({ field: 'priority', op: 'contains', value: '1' })),
  },
  {
    name: 'text for a number',
    status: 422,
    send: (a) => list(a, filter({ field: 'priority', op: 'eq', value: 'high' })),
  },
  {
    name: 'decimal for a whole number',
    status: 422,
    send: (a) => list(a, filter({ field: 'priority', op: 'eq', value: 1.5 })),
  },
  {
    name: 'SQL in a number value',
    status: 422,
    send: (a) => list(a, filter({ field: 'priority', op: 'eq', value: '1 OR 1=1' })),
  },
  {
    name: 'SQL as a field name',
    status: 422,
    send: (a) => list(a, filter({ field: 'id = id OR 1', op: 'eq', value: 1 })),
  },
  {
    name: 'SQL as an operator',
    status: 422,
    send: (a) => list(a, filter({ field: 'id', op: '= 1 OR 1=1 --', value: 1 })),
  },
  {
    name: 'object as a value',
    status: 422,
    send: (a) => list(a, filter({ field: 'message', op: 'eq', value: { $ne: null } })),
  },
  {
    name: 'option not in the select',
    status: 422,
    send: (a) => list(a, filter({ field: 'language', op: 'eq', value: 'fr' })),
  },
  {
    name: 'invalid date',
    status: 422,
    send: (a) => list(a, filter({ field: 'send_on', op: 'gt', value: '2026-13-45' })),
  },
  {
    name: 'invalid datetime',
    status: 422,
    send: (a) => list(a, filter({ field: 'created_at', op: 'lt', value: 'yesterday' })),
  },
  {
    name: 'boolean that is not',
    status: 422,
    send: (a) => list(a, filter({ field: 'urgent', op: 'eq', value: 'maybe' })),
  },
  {
    name: 'between with one bound',
    status: 422,
    send: (a) => list(a, filter({ field: 'priority', op: 'between', value: [1] })),
  },
  {
    name: 'empty in list',
    status: 422,
    send: (a) => list(a, filter({ field: 'priority', op: 'in', value: [] })),
  },
  {
    name: 'in with a non-array',
    status: 422,
    send: (a) => list(a, filter({ field: 'priority', op: 'in', value: '1,2' })),
  },
  { name: 'empty and group', status: 422, send: (a) => list(a, filter({ and: [] })) },
  {
    name: 'array at the root',
    status: 422,
    send: (a) => list(a, filter([{ field: 'id', op: 'eq', value: 1 }])),
  },
  {
    name: 'extra key in a condition',
    status: 422,
    send: (a) => list(a, filter({ field: 'id', op: 'eq', value: 1, raw: 'x' })),
  },
  { name: 'filter that is not JSON', status: 422, send: (a) => list(a, { filter: "{field:'id'" }) },
  { name: 'filter nested 50 deep', status: 422, send: (a) => list(a, filter(nested(50))) },
  {
    name: '10,000 in values (POST query)',
    status: 422,
    send: (a) =>
      a.post('/api/r/greetings/query').json({
        filter: { field: 'id', op: 'in', value: Array.from({ length: 10_000 }, (_, i) => i + 1) },
      }),
  },
  {
    name: '200 conditions',
    status: 422,
    send: (a) =>
      list(
        a,
        filter({ or: Array.from({ length: 200 }, () => ({ field: 'id', op: 'eq', value: 1 })) })
      ),
  },
  {
    name: 'contains with 1,000 characters',
    status: 422,
    send: (a) => list(a, filter({ field: 'message', op: 'contains', value: 'x'.repeat(1000) })),
  },
  { name: 'unknown sort key', status: 422, send: (a) => list(a, { sort: 'password' }) },
  {
    name: 'SQL in a sort key',
    status: 422,
    send: (a) => list(a, { sort: 'id;DROP TABLE greetings' }),
  },
  { name: 'quotes in a sort key', status: 422, send: (a) => list(a, { sort: '"message" desc' }) },
  {
    name: 'sort by a CASE expression',
    status: 422,
    send: (a) => list(a, { sort: '(CASE WHEN 1=1 THEN id END)' }),
  },
  {
    name: 'four sort keys',
    status: 422,
    send: (a) => list(a, { sort: 'id,message,priority,language' }),
  },
  { name: 'perPage=100000', status: 422, send: (a) => list(a, { perPage: 100_000 }) },
  { name: 'perPage=0', status: 422, send: (a) => list(a, { perPage: 0 }) },
  { name: 'negative page', status: 422, send: (a) => list(a, { page: -1 }) },
  { name: 'page that is not a number', status: 422, send: (a) => list(a, { page: '1 OR 1=1' }) },
  { name: 'search of 300 characters', status: 422, send: (a) => list(a, { q: 'q'.repeat(300) }) },
  { name: 'unknown resource', status: 404, send: (a) => a.get('/api/r/secrets') },
  { name: 'SQL in a resource name', status: 404, send: (a) => a.get('/api/r/users;--') },
  { name: 'SQL in an id', status: 404, send: (a) => a.get('/api/r/greetings/1%20OR%201=1') },
  { name: 'id that is not a number', status: 404, send: (a) => a.get('/api/r/greetings/abc') },
  {
    name: 'update of a missing id',
    status: 404,
    send: (a) => a.patch('/api/r/greetings/999999').json({ priority: 1 }),
  },
  {
    name: 'create without the required message',
    status: 422,
    send: (a) => a.post('/api/r/greetings').json({ priority: 1 }),
  },
  {
    name: 'create with an unknown field',
    status: 422,
    send: (a) => a.post('/api/r/greetings').json({ message: 'x', is_admin: true }),
  },
  {
    name: 'create setting a read-only id',
    status: 422,
    send: (a) => a.post('/api/r/greetings').json({ id: 1, message: 'x' }),
  },
  {
    name: 'create with a text priority',
    status: 422,
    send: (a) => a.post('/api/r/greetings').json({ message: 'x', priority: 'high' }),
  },
  {
    name: 'create with a priority out of range',
    status: 422,
    send: (a) => a.post('/api/r/greetings').json({ message: 'x', priority: 9 }),
  },
  {
    name: 'create with a 500-character message',
    status: 422,
    send: (a) => a.post('/api/r/greetings').json({ message: 'x'.repeat(500) }),
  },
  {
    name: 'create with an unknown option',
    status: 422,
    send: (a) => a.post('/api/r/greetings').json({ message: 'x', language: 'fr' }),
  },
  {
    name: 'create with a JSON array body',
    status: 422,
    send: (a) => a.post('/api/r/greetings').json([{ message: 'x' }]),
  },
  {
    name: 'update with an unknown field',
    status: 422,
    send: (a, id) => a.patch(`/api/r/greetings/${id}`).json({ owner: 'me' }),
  },
  {
    name: 'update with an invalid date',
    status: 422,
    send: (a, id) => a.patch(`/api/r/greetings/${id}`).json({ send_on: '31/12/2026' }),
  },
  {
    name: 'wrong content type',
    status: 415,
    send: (a) => a.post('/api/r/greetings').form({ message: 'x' }),
  },
  {
    name: 'oversize body (2 MB)',
    status: 413,
    send: (a) => a.post('/api/r/greetings').json({ message: 'x'.repeat(2 * 1024 * 1024) }),
  },
  {
    name: 'bulk update without ids',
    status: 422,
    send: (a) =>
      a.post('/api/r/greetings/bulk-update').json({ ids: 'all', values: { urgent: true } }),
  },
  {
    name: 'bulk delete of 10,000 ids',
    status: 422,
    send: (a) =>
      a
        .post('/api/r/greetings/bulk-delete')
        .json({ ids: Array.from({ length: 10_000 }, (_, i) => i) }),
  },
  {
    name: 'bulk update of a read-only field',
    status: 422,
    send: (a, id) =>
      a
        .post('/api/r/greetings/bulk-update')
        .json({ ids: [id], values: { created_at: '2020-01-01T00:00:00Z' } }),
  },
]

test.group('Resource engine: hostile input', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('the table holds at least 40 hostile requests', ({ assert }) => {
    assert.isAtLeast(CASES.length, 40)
  })

  for (const hostile of CASES) {
    test(`${hostile.name} → ${hostile.status}`, async ({ client, assert }) => {
      const admin = await signIn(client, 'admin')
      const [id] = await seedGreetings([{ message: 'target' }])
      const response = await hostile.send(admin, id)
      assert.equal(response.status(), hostile.status, JSON.stringify(response.body()).slice(0, 300))
      const error = response.body().error
      assert.isString(error.code)
      assert.isString(error.message)
      if (hostile.status === 422) {
        assert.isArray(error.fields)
        assert.isString(error.fields[0].field)
      }
    })
  }

  test('SQL and quotes in a text value are matched literally', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    await seedGreetings([{ message: "O'Brien" }])
    const injection = await list(
      admin,
      filter({ field: 'message', op: 'eq', value: "x' OR '1'='1" })
    )
    injection.assertStatus(200)
    assert.equal(injection.body().meta.total, 0)
    const quote = await list(admin, filter({ field: 'message', op: 'contains', value: "'Br" }))
    assert.equal(quote.body().data[0].message, "O'Brien")
    const drop = await list(admin, { q: "'; DROP TABLE greetings; --" })
    drop.assertStatus(200)
    const rows = await db.from('greetings').count('* as n')
    assert.equal(Number(rows[0].n), 1)
  })
})

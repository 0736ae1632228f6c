import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import grants from '#services/grants'
import { resourceService } from '#services/resource_context'
import { makeUser } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'
import { truncateAfterEach } from '#tests/helpers/database'

const sqlite = () => db.connection().dialect.name === 'better-sqlite3'

/** How many queries knex compiled while `work` ran. */
async function compiling<T>(work: () => Promise<T>) {
  const client = db.connection().getReadClient().client as unknown as {
    queryCompiler: (...args: unknown[]) => unknown
  }
  const compiler = client.queryCompiler
  let compiles = 0
  client.queryCompiler = function (this: unknown, ...args: unknown[]) {
    compiles += 1
    return compiler.apply(this, args)
  }
  try {
    return { result: await work(), compiles }
  } finally {
    client.queryCompiler = compiler
  }
}

/** The list as knex builds and compiles it for every request: with someone listening to queries. */
async function compiledPerRequest<T>(work: () => Promise<T>) {
  const knex = db.connection().getReadClient()
  const listener = () => {}
  knex.on('query', listener)
  try {
    return await work()
  } finally {
    knex.off('query', listener)
  }
}

const filter = (tree: unknown) => JSON.stringify(tree)
const PHONE_LOOKUP = 'id in (select client_id from client_phones where e164 = ?)'

async function listAs(user: User, input: Record<string, unknown>, lookup?: string) {
  await grants.refresh()
  const service = await resourceService({
    auth: { getUserOrFail: () => user },
  } as unknown as HttpContext)
  return lookup
    ? service.list('clients', input, { sql: PHONE_LOOKUP, bindings: [lookup] }, { count: false })
    : service.list('clients', input)
}

test.group('Lists of a fixed shape', (group) => {
  let admin: User
  let agent: User

  group.each.setup(async () => {
    const cleanup = await truncateAfterEach()
    admin = await makeUser('admin')
    agent = await makeUser('agent')
    const statuses = ['new', 'closed', 'contacted', 'new', 'in_progress', 'new', 'closed']
    for (const [i, status] of statuses.entries()) {
      await makeClient({
        status,
        vip: i % 2,
        email: i === 3 ? null : `c${i}@correo.test`,
        primary_phone: `+5730012345${i}0`,
        assigned_user_id: i % 3 === 0 ? agent.id : null,
      })
    }
    return cleanup
  })

  test('answer as lists compiled per request do; a shape is compiled once', async ({ assert }) => {
    // each pair: the same shape with other values (the second needs no compiling)
    const pairs: Array<[Record<string, unknown>, Record<string, unknown>, string?]> = [
      [{}, { perPage: 3 }],
      [
        { page: 2, perPage: 2 },
        { page: 3, perPage: 2 },
      ],
      [{ sort: 'last_name' }, { sort: 'last_name', perPage: 4 }],
      [
        { filter: filter({ and: [{ field: 'status', op: 'eq', value: 'new' }] }) },
        { filter: filter({ and: [{ field: 'status', op: 'eq', value: 'closed' }] }) },
      ],
      [
        { filter: filter({ field: 'status', op: 'in', value: ['new', 'closed'] }) },
        { filter: filter({ field: 'status', op: 'in', value: ['contacted', 'in_progress'] }) },
      ],
      [
        {
          filter: filter({
            or: [
              { field: 'vip', op: 'eq', value: true },
              { field: 'status', op: 'ne', value: 'new' },
            ],
          }),
        },
        {
          filter: filter({
            or: [
              { field: 'vip', op: 'eq', value: false },
              { field: 'status', op: 'ne', value: 'closed' },
            ],
          }),
        },
      ],
      [
        { filter: filter({ field: 'email', op: 'null' }) },
        { filter: filter({ field: 'email', op: 'null' }), perPage: 1 },
      ],
      [{ perPage: 20, sort: 'id' }, { perPage: 20, sort: 'id' }, '+573001234530'],
    ]
    for (const [first, second, phone] of pairs) {
      for (const input of [first, second]) {
        const expected = await compiledPerRequest(() => listAs(admin, input, phone))
        const { result, compiles } = await compiling(() => listAs(admin, input, phone))
        assert.deepEqual(result, expected, JSON.stringify(input))
        if (input === second && sqlite()) assert.equal(compiles, 0, JSON.stringify(input))
      }
    }
    const phone = await listAs(admin, { perPage: 20, sort: 'id' }, '+573001234530')
    assert.lengthOf(phone.data, 1)
  })

  test('a value that changes the SQL (null) is another shape', async ({ assert }) => {
    const byAgent = (value: number | null) =>
      listAs(admin, { filter: filter({ field: 'assigned_user_id', op: 'eq', value }) })
    const assigned = await byAgent(agent.id)
    const unassigned = await byAgent(null)
    assert.lengthOf(assigned.data, 3)
    assert.lengthOf(unassigned.data, 4)
    assert.deepEqual(await byAgent(agent.id), assigned)
  })

  test('a role scope or a search is compiled for every request', async ({ assert }) => {
    for (const [user, input] of [
      [agent, {}],
      [admin, { q: 'cliente' }],
    ] as const) {
      const expected = await compiledPerRequest(() => listAs(user, input))
      await listAs(user, input)
      const { result, compiles } = await compiling(() => listAs(user, input))
      assert.deepEqual(result, expected)
      assert.isAbove(compiles, 0)
    }
    const mine = await listAs(agent, {})
    assert.lengthOf(mine.data, 3)
  })
})

import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import type User from '#models/user'
import { makeUser, signIn } from '#tests/helpers/auth'

type Role = 'admin' | 'supervisor' | 'agent'
type Session = Awaited<ReturnType<typeof signIn>>

let sequence = 0

async function campaignWith(users: User[]) {
  const [id] = await db.table('campaigns').insert({
    name: `Campaña ${++sequence} ${Date.now()}`,
    type: 'inbound_voice',
    active: 1,
    created_at: '2026-01-01 00:00:00',
  })
  for (const user of users) {
    await db.table('campaign_agents').insert({
      campaign_id: id,
      user_id: user.id,
      created_at: '2026-01-01 00:00:00',
    })
  }
  return Number(id)
}

/**
 * The signed-in user works in one campaign with a colleague; a stranger
 * works in another; an admin works in none.
 */
async function directory(session: Session) {
  const colleague = await makeUser('agent')
  const stranger = await makeUser('agent')
  const admin = await makeUser('admin')
  const shared = await campaignWith([session.user, colleague])
  const other = await campaignWith([stranger])
  return { colleague, stranger, admin, shared, other }
}

const MATRIX: Array<{ action: string; expected: Record<Role, number> }> = [
  { action: 'show a colleague', expected: { admin: 200, supervisor: 200, agent: 200 } },
  {
    action: 'show an agent of another campaign',
    expected: { admin: 200, supervisor: 200, agent: 404 },
  },
  { action: 'show an admin', expected: { admin: 200, supervisor: 200, agent: 404 } },
  { action: 'filter by e-mail', expected: { admin: 200, supervisor: 200, agent: 422 } },
  { action: 'filter by role', expected: { admin: 200, supervisor: 200, agent: 422 } },
]

test.group('Users: the directory each role reads (K9, K10)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const role of ['admin', 'supervisor', 'agent'] as const) {
    for (const { action, expected } of MATRIX) {
      test(`${role} → ${action}: ${expected[role]}`, async ({ client, assert }) => {
        const user = await signIn(client, role)
        const { colleague, stranger, admin } = await directory(user)
        const request = {
          'show a colleague': () => user.get(`/api/r/users/${colleague.id}`),
          'show an agent of another campaign': () => user.get(`/api/r/users/${stranger.id}`),
          'show an admin': () => user.get(`/api/r/users/${admin.id}`),
          'filter by e-mail': () =>
            user.get('/api/r/users').qs({
              filter: JSON.stringify({ field: 'email', op: 'contains', value: 'admin' }),
            }),
          'filter by role': () =>
            user.get('/api/r/users').qs({
              filter: JSON.stringify({ field: 'role', op: 'eq', value: 'admin' }),
            }),
        }[action]!
        const response = await request()
        assert.equal(response.status(), expected[role], JSON.stringify(response.body()))
      })
    }
  }

  test("an agent lists only its campaigns' colleagues and itself, by name only", async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const { colleague } = await directory(agent)
    const list = await agent.get('/api/r/users').qs({ perPage: 100 })
    list.assertStatus(200)
    assert.sameMembers(
      list.body().data.map((row: { id: number }) => row.id),
      [agent.user.id, colleague.id]
    )
    for (const row of list.body().data) assert.sameMembers(Object.keys(row), ['id', 'full_name'])
    const shown = await agent.get(`/api/r/users/${colleague.id}`)
    assert.deepEqual(shown.body().data, { id: colleague.id, full_name: colleague.fullName })
    assert.notInclude(JSON.stringify(list.body()), '@tablero.test')
  })

  test("an agent's metadata describes users by name only; a supervisor's in full", async ({
    client,
    assert,
  }) => {
    const fieldsOf = async (session: Session) => {
      const meta = await session.get('/api/meta')
      const users = meta.body().data.resources.find((r: { name: string }) => r.name === 'users')
      return users.fields.map((field: { name: string }) => field.name)
    }
    assert.sameMembers(await fieldsOf(await signIn(client, 'agent')), ['id', 'full_name'])
    assert.includeMembers(await fieldsOf(await signIn(client, 'supervisor')), [
      'email',
      'role',
      'timezone',
    ])
  })

  test("an agent reads its own campaign's agents by name only and none of another's; a supervisor reads all", async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const { colleague, shared, other } = await directory(agent)
    const names = await agent.get(`/api/campaigns/${shared}/agents`)
    names.assertStatus(200)
    assert.sameDeepMembers(names.body().data, [
      { id: agent.user.id, fullName: agent.user.fullName },
      { id: colleague.id, fullName: colleague.fullName },
    ])
    const elsewhere = await agent.get(`/api/campaigns/${other}/agents`)
    elsewhere.assertStatus(200)
    assert.deepEqual(elsewhere.body().data, [])

    const supervisor = await signIn(client, 'supervisor')
    const full = await supervisor.get(`/api/campaigns/${shared}/agents`)
    assert.containsSubset(full.body().data, [{ id: colleague.id, email: colleague.email }])
    const inOther = await supervisor.get(`/api/campaigns/${other}/agents`)
    assert.lengthOf(inOther.body().data, 1)
  })

  test('a supervisor and an admin still list every user with e-mail and role', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser('admin')
    for (const role of ['supervisor', 'admin'] as const) {
      const user = await signIn(client, role)
      const list = await user.get('/api/r/users').qs({ perPage: 100 })
      const row = list.body().data.find((r: { id: number }) => r.id === admin.id)
      assert.containsSubset(row, { email: admin.email, role: 'admin' })
    }
  })
})

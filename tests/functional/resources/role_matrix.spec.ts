import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import plugins from '#services/plugins'
import { makeUser, signIn } from '#tests/helpers/auth'
import { seedGreetings } from '#tests/helpers/greetings'

type Role = 'admin' | 'supervisor' | 'agent'

/**
 * Every role × action answer on the fixture resource. Agents are scoped to
 * the greetings they own: another agent's greeting does not exist for them.
 */
const MATRIX: Array<{ action: string; expected: Record<Role, number> }> = [
  { action: 'list', expected: { admin: 200, supervisor: 200, agent: 200 } },
  { action: 'show own', expected: { admin: 200, supervisor: 200, agent: 200 } },
  { action: "show other agent's", expected: { admin: 200, supervisor: 200, agent: 404 } },
  { action: 'create', expected: { admin: 201, supervisor: 201, agent: 403 } },
  { action: 'update own', expected: { admin: 200, supervisor: 200, agent: 200 } },
  { action: "update other agent's", expected: { admin: 200, supervisor: 200, agent: 404 } },
  { action: "history other agent's", expected: { admin: 200, supervisor: 200, agent: 404 } },
  { action: 'delete', expected: { admin: 204, supervisor: 403, agent: 403 } },
  { action: 'bulk delete', expected: { admin: 200, supervisor: 403, agent: 403 } },
  { action: 'export', expected: { admin: 200, supervisor: 200, agent: 403 } },
]

test.group('Resource engine: role matrix', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  for (const role of ['admin', 'supervisor', 'agent'] as const) {
    for (const { action, expected } of MATRIX) {
      test(`${role} → ${action}: ${expected[role]}`, async ({ client, assert }) => {
        const user = await signIn(client, role)
        const otherAgent = await makeUser('agent')
        const [own, others] = await seedGreetings([
          { message: 'mine', owner_id: user.user.id },
          { message: 'theirs', owner_id: otherAgent.id },
        ])
        const request = {
          'list': () => user.get('/api/r/greetings'),
          'show own': () => user.get(`/api/r/greetings/${own}`),
          "show other agent's": () => user.get(`/api/r/greetings/${others}`),
          'create': () => user.post('/api/r/greetings').json({ message: 'nuevo' }),
          'update own': () => user.patch(`/api/r/greetings/${own}`).json({ priority: 3 }),
          "update other agent's": () =>
            user.patch(`/api/r/greetings/${others}`).json({ priority: 3 }),
          "history other agent's": () => user.get(`/api/r/greetings/${others}/history`),
          'delete': () => user.delete(`/api/r/greetings/${own}`),
          'bulk delete': () => user.post('/api/r/greetings/bulk-delete').json({ ids: [own] }),
          'export': () => user.get('/api/r/greetings/export.csv'),
        }[action]!
        const response = await request()
        assert.equal(response.status(), expected[role], JSON.stringify(response.body()))
        if (expected[role] >= 400) assert.isString(response.body().error.code)
      })
    }
  }

  test("an agent's list holds only the greetings assigned to it", async ({ client, assert }) => {
    const agent = await signIn(client, 'agent')
    const other = await makeUser('agent')
    await seedGreetings([
      { message: 'mine 1', owner_id: agent.user.id },
      { message: 'theirs', owner_id: other.id },
      { message: 'mine 2', owner_id: agent.user.id },
      { message: 'nobody' },
    ])
    const response = await agent.get('/api/r/greetings').qs({ sort: 'message' })
    assert.deepEqual(
      response.body().data.map((row: { message: string }) => row.message),
      ['mine 1', 'mine 2']
    )
    assert.equal(response.body().meta.total, 2)
  })

  test('nobody signed out reaches a resource', async ({ client }) => {
    ;(await client.get('/api/r/greetings')).assertStatus(401)
  })
})

import { test } from '@japa/runner'
import plugins from '#services/plugins'
import grants from '#services/grants'
import { SYSTEM_ACTOR } from '#services/audit_log'
import { KERNEL_PERMISSIONS } from '#abilities/roles'
import { makeUser, signIn } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'

type Signed = Awaited<ReturnType<typeof signIn>>

/**
 * For every permission of the kernel and of every plugin manifest: a
 * request that needs it, and what it answers once the permission check is
 * passed (2xx, or 404 for a write aimed at a record that does not exist,
 * which proves the check ran first). A permission added to a manifest
 * without an entry here fails the test.
 */
const REQUESTS: Record<string, { request: (user: Signed) => Promise<any>; passes: number }> = {
  'plugins.manage': { request: (user) => user.get('/api/plugins'), passes: 200 },
  'users.manage': {
    request: async (user) => {
      const someone = await makeUser('agent')
      return user.post(`/api/users/${someone.id}/logout-everywhere`)
    },
    passes: 204,
  },
  'bases.purge': {
    request: (user) => user.get('/api/bases/999999/deletion'),
    passes: 404,
  },
  'assignments.manage': {
    request: (user) => user.post('/api/assignments/count').json({ campaignId: 999_999 }),
    passes: 404,
  },
  'custom-fields.manage': {
    request: (user) => user.get('/api/p/custom-fields/profiles'),
    passes: 200,
  },
  'tipificaciones.manage': {
    request: (user) => user.post('/api/p/tipificaciones/results').json({}),
    passes: 422,
  },
  // the fixture plugin make:plugin wrote (tests/fixtures/plugins/recordatorios)
  'recordatorios.summary': {
    request: (user) => user.get('/api/p/recordatorios/summary'),
    passes: 200,
  },
  'tipificaciones.record': {
    request: (user) => user.get('/api/p/tipificaciones/callbacks/mine'),
    passes: 200,
  },
  'collections-alerts.lift': {
    request: (user) => user.post('/api/p/collections-alerts/alerts/999999/lift').json({}),
    passes: 404,
  },
  'collections-alerts.sweep': {
    request: (user) => user.get('/api/p/collections-alerts/indicators'),
    passes: 200,
  },
  'collections-alerts.segments': {
    request: (user) => user.post('/api/p/collections-alerts/segments/count').json({}),
    passes: 200,
  },
  'tubolsillo.toggle': {
    request: (user) => user.post('/api/p/tubolsillo/toggles/999999/check'),
    passes: 404,
  },
  'tubolsillo.bulk': {
    request: (user) => user.get('/api/p/tubolsillo/bulks/999999'),
    passes: 404,
  },
  'upg.read': {
    request: (user) => user.get('/api/p/upg/clients/999999/transactions'),
    passes: 404,
  },
  'upg.fraud_search': {
    request: (user) => user.post('/api/p/upg/fraud/search').json({}),
    passes: 422,
  },
  // another agent's agenda
  'tipificaciones.agenda': {
    request: async (user) => {
      const someone = await makeUser('agent')
      const from = new Date().toISOString()
      const to = new Date(Date.now() + 86_400_000).toISOString()
      return user.get('/api/p/tipificaciones/agenda/events').qs({ from, to, userId: someone.id })
    },
    passes: 200,
  },
  'dialer.manage': {
    request: (user) => user.get('/api/p/dialer/campaigns/999999/hopper'),
    passes: 200,
  },
  'dialer.work': {
    request: (user) => user.get('/api/p/dialer/agent/state'),
    passes: 200,
  },
}

test.group('Permissions: every declared permission × every role', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(async () => {
    await plugins.refresh(true)
    for (const manifest of plugins.manifests) {
      if (!plugins.isEnabled(manifest.name)) await plugins.enable(manifest.name, SYSTEM_ACTOR)
    }
  })

  test('each permission answers its request when granted and 403 when revoked', async ({
    client,
    assert,
  }) => {
    const keys = [
      ...KERNEL_PERMISSIONS.map((permission) => permission.key),
      ...plugins.manifests.flatMap((manifest) => (manifest.permissions ?? []).map((p) => p.key)),
    ]
    assert.includeMembers(keys, ['plugins.manage', 'tipificaciones.record'])
    const missing = keys.filter((key) => !REQUESTS[key])
    assert.deepEqual(missing, [], 'a permission without a request in REQUESTS')

    const mismatches: string[] = []
    for (const role of ['admin', 'supervisor', 'agent'] as const) {
      const user = await signIn(client, role)
      for (const key of keys) {
        const { request, passes } = REQUESTS[key]
        for (const granted of role === 'admin' ? [true] : [true, false]) {
          if (role !== 'admin') {
            await grants.change([{ role, permission: key, granted }], SYSTEM_ACTOR)
          }
          const status = (await request(user)).status()
          const expected = granted ? passes : 403
          const name = `${key} ${role} ${granted ? 'granted' : 'revoked'}`
          if (status !== expected) {
            mismatches.push(`${name}: ${status}, expected ${expected}`)
          }
        }
      }
    }
    assert.deepEqual(mismatches, [])
  })
})

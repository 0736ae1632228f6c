import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import plugins from '#services/plugins'
import grants from '#services/grants'
import { signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'
import { truncateAfterEach } from '#tests/helpers/database'
import { can } from '#sdk/permissions'
import { SYSTEM_ACTOR } from '#services/audit_log'

interface MatrixGroup {
  id: string
  kind: string
  enabled: boolean
  permissions: Array<{
    key: string
    roles: Record<string, { granted: boolean; default: boolean; locked: boolean }>
  }>
}

function cell(body: { data: { groups: MatrixGroup[] } }, key: string, role: string) {
  for (const group of body.data.groups) {
    const permission = group.permissions.find((candidate) => candidate.key === key)
    if (permission) return permission.roles[role]
  }
  throw new Error(`${key} is not in the matrix`)
}

test.group('Permissions: grants as data', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test('missing grants are seeded from the declared defaults, once', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    ;(await admin.get('/api/meta')).assertStatus(200)
    const rows = await db
      .from('role_permissions')
      .whereIn('permission', [
        'clients.export',
        'clients.delete',
        'users.manage',
        'tipificaciones.manage',
      ])
      .select('role', 'permission', 'granted')
    const granted = Object.fromEntries(
      rows.map((row) => [`${row.role} ${row.permission}`, Boolean(row.granted)])
    )
    assert.deepEqual(granted, {
      'supervisor clients.export': true,
      'agent clients.export': false,
      'supervisor clients.delete': false,
      'agent clients.delete': false,
      'supervisor users.manage': false,
      'agent users.manage': false,
      'supervisor tipificaciones.manage': true,
      'agent tipificaciones.manage': false,
    })
    // An admin's choice is kept when the defaults are seeded again.
    await db
      .from('role_permissions')
      .where({ role: 'agent', permission: 'clients.export' })
      .update({ granted: true })
    await db
      .from('role_permissions')
      .where({ role: 'agent', permission: 'clients.delete' })
      .delete()
    await grants.refresh(true)
    assert.isTrue(grants.allows('agent', 'clients.export'))
    assert.isFalse(grants.allows('agent', 'clients.delete'))
    const reseeded = await db
      .from('role_permissions')
      .where({ role: 'agent', permission: 'clients.delete' })
      .first()
    assert.equal(Boolean(reseeded.granted), false)
  })

  test('revoking clients.export from supervisors: export 403, meta drops it; restore gives it back', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const supervisor = await signIn(client, 'supervisor')
    await makeClient()
    ;(await supervisor.get('/api/r/clients/export.csv')).assertStatus(200)

    const revoked = await admin
      .put('/api/permissions')
      .json({ changes: [{ role: 'supervisor', permission: 'clients.export', granted: false }] })
    revoked.assertStatus(200)
    assert.deepEqual(cell(revoked.body(), 'clients.export', 'supervisor'), {
      granted: false,
      default: true,
      locked: false,
    })

    const denied = await supervisor.get('/api/r/clients/export.csv')
    denied.assertStatus(403)
    denied.assertBodyContains({ error: { code: 'FORBIDDEN' } })
    const meta = (await supervisor.get('/api/meta')).body().data
    const clients = meta.resources.find((resource: { name: string }) => resource.name === 'clients')
    assert.isFalse(clients.actions.export)
    assert.isTrue(clients.actions.list)
    assert.notInclude(meta.permissions, 'clients.export')
    assert.include(meta.permissions, 'clients.list')

    const audit = await db
      .from('audit_logs')
      .where({ action: 'permissions.update', resource: 'role_permissions' })
      .first()
    assert.equal(audit.actor_id, admin.user.id)
    assert.deepEqual(JSON.parse(audit.after), [
      { role: 'supervisor', permission: 'clients.export', granted: false },
    ])
    const row = await db
      .from('role_permissions')
      .where({ role: 'supervisor', permission: 'clients.export' })
      .first()
    assert.equal(row.updated_by, admin.user.id)

    const restored = await admin
      .post('/api/permissions/restore')
      .json({ permission: 'clients.export' })
    restored.assertStatus(200)
    assert.isTrue(cell(restored.body(), 'clients.export', 'supervisor').granted)
    ;(await supervisor.get('/api/r/clients/export.csv')).assertStatus(200)
    const restoreAudit = await db
      .from('audit_logs')
      .where({ action: 'permissions.restore' })
      .first()
    assert.exists(restoreAudit)
  })

  test('restoring every permission puts each cell back to its default', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    await admin.put('/api/permissions').json({
      changes: [
        { role: 'agent', permission: 'clients.delete', granted: true },
        { role: 'supervisor', permission: 'users.manage', granted: true },
      ],
    })
    assert.isTrue(grants.allows('agent', 'clients.delete'))
    const restored = await admin.post('/api/permissions/restore').json({})
    restored.assertStatus(200)
    assert.isFalse(cell(restored.body(), 'clients.delete', 'agent').granted)
    assert.isFalse(cell(restored.body(), 'users.manage', 'supervisor').granted)
  })

  test('the admin column is locked and granted; unknown roles or keys are a 422 naming the field', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const matrix = await admin.get('/api/permissions')
    matrix.assertStatus(200)
    assert.deepEqual(cell(matrix.body(), 'clients.delete', 'admin'), {
      granted: true,
      default: true,
      locked: true,
    })
    const revokeAdmin = await admin
      .put('/api/permissions')
      .json({ changes: [{ role: 'admin', permission: 'users.manage', granted: false }] })
    revokeAdmin.assertStatus(422)
    assert.equal(revokeAdmin.body().error.fields[0].field, 'changes.0.role')
    ;(await admin.get('/api/r/users')).assertStatus(200)

    const unknownRole = await admin.put('/api/permissions').json({
      changes: [
        { role: 'agent', permission: 'clients.list', granted: true },
        { role: 'owner', permission: 'clients.list', granted: true },
      ],
    })
    unknownRole.assertStatus(422)
    assert.equal(unknownRole.body().error.fields[0].field, 'changes.1.role')
    const unknownKey = await admin
      .put('/api/permissions')
      .json({ changes: [{ role: 'agent', permission: 'nothing.here', granted: true }] })
    unknownKey.assertStatus(422)
    assert.equal(unknownKey.body().error.fields[0].field, 'changes.0.permission')
    const unknownRestore = await admin.post('/api/permissions/restore').json({ permission: 'nope' })
    unknownRestore.assertStatus(422)
    assert.equal(unknownRestore.body().error.fields[0].field, 'permission')
    // Nothing was written by the refused requests.
    const audits = await db.from('audit_logs').where('resource', 'role_permissions')
    assert.lengthOf(audits, 0)
  })

  test('supervisors and agents cannot read or change the grants', async ({ client }) => {
    for (const role of ['supervisor', 'agent'] as const) {
      const user = await signIn(client, role)
      ;(await user.get('/api/permissions')).assertStatus(403)
      ;(
        await user
          .put('/api/permissions')
          .json({ changes: [{ role, permission: 'users.manage', granted: true }] })
      ).assertStatus(403)
      ;(await user.post('/api/permissions/restore').json({})).assertStatus(403)
    }
  })

  test('a disabled plugin’s permissions are listed, marked, and leave meta', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    ;(await admin.post('/api/plugins/greeter-extra/disable')).assertStatus(200)
    ;(await admin.post('/api/plugins/hello/disable')).assertStatus(200)
    const matrix = (await admin.get('/api/permissions')).body() as {
      data: { groups: MatrixGroup[] }
    }
    const greetings = matrix.data.groups.find((candidate) => candidate.id === 'resource:greetings')!
    assert.isFalse(greetings.enabled)
    assert.isTrue(matrix.data.groups.find((candidate) => candidate.id === 'core:core')!.enabled)
    const meta = (await admin.get('/api/meta')).body().data
    assert.notInclude(meta.permissions, 'greetings.list')
    assert.include(meta.permissions, 'users.manage')
  })

  test('a grant given to supervisors opens the kernel screen it guards', async ({ client }) => {
    const admin = await signIn(client, 'admin')
    const supervisor = await signIn(client, 'supervisor')
    ;(await supervisor.get('/api/plugins')).assertStatus(403)
    await admin
      .put('/api/permissions')
      .json({ changes: [{ role: 'supervisor', permission: 'plugins.manage', granted: true }] })
    ;(await supervisor.get('/api/plugins')).assertStatus(200)
  })

  test('can() of the SDK, which plugins use through authorize, follows the grants', async ({
    assert,
  }) => {
    await grants.refresh(true)
    assert.isFalse(can({ role: 'agent' }, 'tipificaciones.manage'))
    assert.isTrue(can({ role: 'supervisor' }, 'tipificaciones.manage'))
    await grants.change(
      [
        { role: 'agent', permission: 'tipificaciones.manage', granted: true },
        { role: 'supervisor', permission: 'tipificaciones.manage', granted: false },
      ],
      SYSTEM_ACTOR
    )
    assert.isTrue(can({ role: 'agent' }, 'tipificaciones.manage'))
    assert.isFalse(can({ role: 'supervisor' }, 'tipificaciones.manage'))
    assert.isTrue(can({ role: 'admin' }, 'tipificaciones.manage'))
  })

  test('a change written by another node is seen once the TTL has passed', async ({ assert }) => {
    await grants.refresh(true)
    assert.isTrue(grants.allows('supervisor', 'clients.export'))
    await db
      .from('role_permissions')
      .where({ role: 'supervisor', permission: 'clients.export' })
      .update({ granted: false })
    // The other node's write reaches this one through Redis, or the TTL (forced here).
    await grants.refresh(true)
    assert.isFalse(grants.allows('supervisor', 'clients.export'))
  })
})

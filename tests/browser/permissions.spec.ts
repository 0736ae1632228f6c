import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import grants from '#services/grants'
import { SYSTEM_ACTOR } from '#services/audit_log'
import { menuEntry, openMenuEntry, signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'

test.group('Permisos: the role × permission matrix', (group) => {
  const ui = useAdminUi(group)
  group.each.setup(() => () => grants.restore(null, SYSTEM_ACTOR))

  test('an admin revokes a permission, confirms the listed change and it sticks', async ({
    assert,
  }) => {
    const { page } = ui
    await signInAs(page, 'admin', '/')
    await openMenuEntry(page, 'Administración', 'Permisos')

    const supervisorExport = page.getByTestId('perm-clients.export-supervisor')
    await supervisorExport.waitFor()
    assert.isTrue(await supervisorExport.isChecked())
    assert.isTrue(await page.getByTestId('perm-clients.export-admin').isDisabled())

    await supervisorExport.click()
    await page.getByTestId('perm-changed-clients.export-supervisor').waitFor()
    await page.getByTestId('permissions-save').click()
    const changes = page.getByTestId('permission-changes')
    await changes.waitFor()
    assert.include(await changes.innerText(), 'Quitar')
    assert.include(await changes.innerText(), 'Supervisor')
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Guardar' }).click()
    await page.locator('.ant-notification-notice', { hasText: 'Permisos guardados' }).waitFor()

    await page.reload()
    const afterReload = page.getByTestId('perm-clients.export-supervisor')
    await afterReload.waitFor()
    assert.isFalse(await afterReload.isChecked())
    await page.getByTestId('perm-changed-clients.export-supervisor').waitFor()
    const row = await db
      .from('role_permissions')
      .where({ role: 'supervisor', permission: 'clients.export' })
      .first()
    assert.isFalse(Boolean(row.granted))
  })

  test('supervisors have no Permisos entry and the screen refuses them', async ({ assert }) => {
    const { page } = ui
    await signInAs(page, 'supervisor', '/permissions')
    await page.getByText('Sin permiso', { exact: true }).first().waitFor()
    assert.equal(await menuEntry(page, 'Permisos').count(), 0)
  })
})

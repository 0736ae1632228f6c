import { test } from '@japa/runner'
import {
  documentIsMarked,
  markDocument,
  menuEntry,
  openConfirmation,
  signInAs,
  togglePlugin,
  waitForPluginState,
} from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'

test.group('Plugin manager (K2, K5)', (group) => {
  const ui = useAdminUi(group)

  test('an admin sees every discovered plugin with its dependencies and state', async ({
    assert,
  }) => {
    const { page } = ui
    await signInAs(page, 'admin', '/plugins')

    const hello = page.locator('tr[data-row-key="hello"]')
    const extra = page.locator('tr[data-row-key="greeter-extra"]')
    await hello.waitFor()
    assert.include(await hello.innerText(), 'Hola')
    assert.include(await hello.innerText(), 'Plugin de prueba que saluda')
    assert.include(await hello.innerText(), '1.0.0')
    assert.include(await hello.innerText(), 'Saludo extra')
    assert.include(await extra.innerText(), 'Hola')
    await waitForPluginState(page, 'hello', 'Activo')
  })

  test('disabling a plugin that an enabled plugin needs is refused with the reason', async ({
    assert,
  }) => {
    const { page } = ui
    await signInAs(page, 'admin', '/plugins')

    await page.getByTestId('plugin-toggle-hello').click()
    const question = openConfirmation(page)
    await question.getByText('Saludo extra').waitFor()
    await question.getByRole('button', { name: 'Desactivar' }).click()

    const notice = page.locator('.ant-notification-notice', { hasText: 'No se pudo cambiar Hola' })
    await notice.waitFor()
    assert.include(await notice.innerText(), 'greeter-extra')
    await waitForPluginState(page, 'hello', 'Activo')
  })

  test('a disabled plugin leaves the menu without a reload and comes back when enabled', async ({
    assert,
  }) => {
    const { page } = ui
    await signInAs(page, 'admin', '/plugins')
    await menuEntry(page, 'Saludo').waitFor()
    await markDocument(page)

    try {
      await togglePlugin(page, 'greeter-extra', 'Desactivar')
      await waitForPluginState(page, 'greeter-extra', 'Inactivo')
      await togglePlugin(page, 'hello', 'Desactivar')
      await waitForPluginState(page, 'hello', 'Inactivo')
      await menuEntry(page, 'Saludo').waitFor({ state: 'detached' })

      await togglePlugin(page, 'hello', 'Activar')
      await waitForPluginState(page, 'hello', 'Activo')
      await menuEntry(page, 'Saludo').waitFor()
      assert.isTrue(await documentIsMarked(page), 'the page was reloaded')

      await menuEntry(page, 'Saludo').click()
      await page.waitForURL('**/admin/hello')
      assert.equal(await page.getByTestId('hello-greeting').innerText(), 'hola')
    } finally {
      // Leave the fixture plugins as every other test expects them: all enabled.
      await page.goto('/admin/plugins')
      for (const name of ['hello', 'greeter-extra']) {
        const state = page.getByTestId(`plugin-state-${name}`)
        await state.waitFor()
        if ((await state.innerText()) === 'Inactivo') {
          await togglePlugin(page, name, 'Activar')
          await waitForPluginState(page, name, 'Activo')
        }
      }
    }
  })

  test('an agent is refused the plugin manager with the no-permission page', async ({ assert }) => {
    const { page } = ui
    await signInAs(page, 'agent', '/plugins')

    await page.getByTestId('forbidden-page').waitFor()
    assert.include(await page.getByTestId('forbidden-page').innerText(), 'Sin permiso')
    assert.equal(await menuEntry(page, 'Plugins').count(), 0)
    assert.equal(await page.getByTestId('plugin-table').count(), 0)
  })
})

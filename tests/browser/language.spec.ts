import { test } from '@japa/runner'
import { menuEntry, signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'

test.group('Languages (K12)', (group) => {
  const ui = useAdminUi(group)

  test('the admin speaks Spanish by default', async ({ assert }) => {
    const { page } = ui
    await page.goto('/admin/login')
    assert.equal(await page.getByTestId('login-submit').innerText(), 'Entrar')

    await signInAs(page, 'admin')
    await page.getByTestId('dashboard-page').waitFor()
    assert.include(await page.getByTestId('dashboard-page').innerText(), 'Hola, Ana Administradora')
    assert.equal(await page.getByTestId('logout').innerText(), 'Cerrar sesión')
    await menuEntry(page, 'Saludo').waitFor()
  })

  test('switching to English translates the screen and is remembered', async ({ assert }) => {
    const { page } = ui
    await signInAs(page, 'admin', '/plugins')
    await page.getByTestId('language-en').click()

    await page.getByTestId('logout').filter({ hasText: 'Log out' }).waitFor()
    await menuEntry(page, 'Greeting').waitFor()
    assert.include(
      await page.locator('tr[data-row-key="hello"]').innerText(),
      'Test plugin that greets'
    )
    assert.equal(await page.getByTestId('current-role').innerText(), 'Administrator')

    await page.reload()
    await page.getByTestId('logout').filter({ hasText: 'Log out' }).waitFor()
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')
  })

  test('an unknown address shows the not-found page', async ({ assert }) => {
    const { page } = ui
    await signInAs(page, 'admin', '/no-such-screen')
    await page.getByTestId('not-found-page').waitFor()
    assert.include(await page.getByTestId('not-found-page').innerText(), '/no-such-screen')
  })
})

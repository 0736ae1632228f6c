import { test } from '@japa/runner'
import { menuEntry, signInAs, signInThroughForm } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { demoUser } from './support/demo_users.ts'

test.group('Signing in and out (K9)', (group) => {
  const ui = useAdminUi(group)

  test('a wrong password shows the message the backend gave', async ({ assert }) => {
    const { page } = ui
    await page.goto('/admin/login')
    const refusal = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'))
    await signInThroughForm(page, demoUser('admin').email, 'not-the-password')

    const response = await refusal
    assert.equal(response.status(), 401)
    const { error } = await response.json()
    await page.getByTestId('login-error').waitFor()
    assert.equal(await page.getByTestId('login-error').innerText(), error.message)
  })

  test('a signed-out visitor signs in and lands on the page asked for', async ({ assert }) => {
    const { page } = ui
    await page.goto('/admin/plugins')
    await page.waitForURL('**/admin/login?to=%2Fplugins')

    const admin = demoUser('admin')
    await signInThroughForm(page, admin.email, admin.password)
    await page.waitForURL('**/admin/plugins')
    await page.getByTestId('plugin-table').waitFor()
    assert.include(await page.getByTestId('current-user').innerText(), 'Ana Administradora')
    assert.include(await page.getByTestId('current-role').innerText(), 'Administrador')
  })

  test('an expired session sends the user to sign in and back to the same page', async ({
    assert,
  }) => {
    const { page, context } = ui
    await signInAs(page, 'admin', '/plugins')
    await page.getByTestId('plugin-table').waitFor()

    // The session ends (cookie gone) while the page stays open; the next call answers 401.
    await context.clearCookies()
    await menuEntry(page, 'Saludo').click()
    await page.waitForURL('**/admin/login?to=%2Fhello')

    const admin = demoUser('admin')
    await signInThroughForm(page, admin.email, admin.password)
    await page.waitForURL('**/admin/hello')
    assert.equal(await page.getByTestId('hello-greeting').innerText(), 'hola')
  })

  test('logging out returns to the login page and closes the session', async () => {
    const { page } = ui
    await signInAs(page, 'supervisor')
    await page.getByTestId('logout').click()
    await page.waitForURL('**/admin/login')

    await page.goto('/admin/')
    await page.waitForURL('**/admin/login*')
  })
})

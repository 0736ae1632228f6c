import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import User from '#models/user'
import { seedGreetings } from '#tests/helpers/greetings'
import { menuEntry, openConfirmation, signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { chooseOption, columnTexts, fieldError } from './support/antd_widgets.ts'
import { demoUser } from './support/demo_users.ts'
import { keepScreenshot } from './support/screenshots.ts'

/** Clicks a column header and waits for the list request it causes. */
async function sortBy(page: Page, field: string, expectedQuery: string) {
  await Promise.all([
    page.waitForResponse((response) => response.url().includes(expectedQuery)),
    page.getByTestId(`column-${field}`).click(),
  ])
  await page.locator('.ant-table-wrapper .ant-spin-blur').waitFor({ state: 'detached' })
}

/**
 * The fixture plugin's `greetings` resource has no admin code at all: every screen here is
 * generated from /api/meta (K8, X3).
 */
test.group('Generated resource screens (K8, K7, K11)', (group) => {
  const ui = useAdminUi(group)

  test('an admin creates a greeting through the generated form, with field errors', async ({
    assert,
  }) => {
    const { page } = ui
    const marker = `form-${Date.now()}`
    await signInAs(page, 'admin')
    await menuEntry(page, 'Saludos').click()
    await page.waitForURL('**/admin/r/greetings')
    await page.getByTestId('create-button').click()
    await page.waitForURL('**/admin/r/greetings/create')

    await page.getByTestId('input-message').fill(`Hola ${marker}`)
    await chooseOption(page, page.getByTestId('input-language'), 'Inglés')
    await page.getByTestId('input-send_on').fill('2026-12-24')
    await page.getByTestId('input-send_on').press('Enter')
    await page.getByTestId('input-priority').fill('9')
    await page.getByTestId('save-button').click()
    // Priority runs from 1 to 5: the form refuses 9 before anything is sent.
    await fieldError(page, 'priority').filter({ hasText: 'entre 1 y 5' }).waitFor()
    await keepScreenshot(page, 'greetings-form-client-error')

    // A rule only the server knows answers 422 naming the field: the message lands under it.
    await page.route('**/api/r/greetings', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 422,
            json: {
              error: {
                code: 'VALIDATION_FAILED',
                message: 'message: ya existe',
                fields: [
                  { field: 'message', message: 'Ya existe un saludo igual', rule: 'unique' },
                ],
              },
            },
          })
        : route.fallback()
    )
    await page.getByTestId('input-priority').fill('4')
    await page.getByTestId('save-button').click()
    await fieldError(page, 'message').filter({ hasText: 'Ya existe un saludo igual' }).waitFor()
    await page.unroute('**/api/r/greetings')

    await page.getByTestId('save-button').click()
    await page.waitForURL(/\/admin\/r\/greetings\/\d+$/)
    assert.equal(await page.getByTestId('field-message').innerText(), `Hola ${marker}`)
    assert.equal(await page.getByTestId('field-language').innerText(), 'Inglés')
    assert.equal(await page.getByTestId('field-priority').innerText(), '4')
    assert.equal(await page.getByTestId('field-send_on').innerText(), '24/12/2026')
    // Instants read in the user's time zone (America/Bogota), whatever the browser's zone.
    const id = page.url().split('/').pop()
    const { data } = await (await page.request.get(`/api/r/greetings/${id}`)).json()
    const bogota = new Intl.DateTimeFormat('es', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'America/Bogota',
    })
    assert.equal(
      await page.getByTestId('field-created_at').innerText(),
      bogota.format(new Date(data.created_at))
    )
    await keepScreenshot(page, 'greetings-show')
  })

  test('an admin filters with an AND/OR group, sorts and exports what is shown', async ({
    assert,
  }) => {
    const { page } = ui
    const marker = `filter-${Date.now()}`
    await seedGreetings([
      { message: `alpha ${marker}`, language: 'es', priority: 1 },
      { message: `beta ${marker}`, language: 'es', priority: 5 },
      { message: `gamma ${marker}`, language: 'en', priority: 2 },
      { message: `delta ${marker}`, language: 'en', priority: 3 },
      { message: `other row`, language: 'en', priority: 5 },
    ])
    await signInAs(page, 'admin', '/r/greetings')
    await page.getByTestId('resource-list').waitFor()

    // message contains marker AND (priority ≥ 4 OR language = English)
    await page.getByTestId('filter-toggle').click()
    const builder = page.getByTestId('filter-builder')
    await builder.getByTestId('filter-add-condition').click()
    const first = builder.getByTestId('filter-condition').nth(0)
    await chooseOption(page, first.getByTestId('filter-field'), 'Mensaje')
    await chooseOption(page, first.getByTestId('filter-operator'), 'contiene')
    await first.getByTestId('filter-value').fill(marker)

    await builder.getByTestId('filter-add-group').click()
    const nested = builder.getByTestId('filter-group').nth(1)
    assert.equal(await nested.getAttribute('data-join'), 'or')
    const byPriority = nested.getByTestId('filter-condition').nth(0)
    await chooseOption(page, byPriority.getByTestId('filter-field'), 'Prioridad')
    await chooseOption(page, byPriority.getByTestId('filter-operator'), 'mayor o igual que')
    await byPriority.getByTestId('filter-value').fill('4')
    await nested.getByTestId('filter-add-condition').click()
    const byLanguage = nested.getByTestId('filter-condition').nth(1)
    await chooseOption(page, byLanguage.getByTestId('filter-field'), 'Idioma')
    await chooseOption(page, byLanguage.getByTestId('filter-value'), 'Inglés')
    await builder.getByTestId('filter-apply').click()

    await page.getByTestId('list-total').filter({ hasText: '3 registros' }).waitFor()
    await keepScreenshot(page, 'greetings-list-filtered')
    const messages = await columnTexts(page, 'message')
    assert.sameMembers(messages, [`beta ${marker}`, `gamma ${marker}`, `delta ${marker}`])

    // Clicking a header sorts by it at once, the default sort breaking ties; again reverses it.
    await sortBy(page, 'priority', 'sort=priority')
    assert.deepEqual(await columnTexts(page, 'priority'), ['2', '3', '5'])
    await sortBy(page, 'priority', 'sort=-priority')
    assert.deepEqual(await columnTexts(page, 'priority'), ['5', '3', '2'])

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ])
    const csv = await readFile((await download.path())!, 'utf8')
    const lines = csv.trim().split(/\r?\n/)
    assert.lengthOf(lines, 4, csv)
    assert.include(lines[1], `beta ${marker}`)
    assert.include(lines[3], `gamma ${marker}`)
    assert.notInclude(csv, `alpha ${marker}`)
    assert.notInclude(csv, 'other row')

    // Opening a record and coming back finds the list as it was left.
    await page.getByTestId('row-show').first().click()
    await page.waitForURL(/\/admin\/r\/greetings\/\d+$/)
    await page.goBack()
    await page.getByTestId('list-total').filter({ hasText: '3 registros' }).waitFor()
    assert.deepEqual(await columnTexts(page, 'priority'), ['5', '3', '2'])
  })

  test('an edit shows in the History tab and delete asks first', async ({ assert }) => {
    const { page } = ui
    const marker = `history-${Date.now()}`
    await signInAs(page, 'admin', '/r/greetings/create')
    await page.getByTestId('input-message').fill(`Antes ${marker}`)
    await page.getByTestId('save-button').click()
    await page.waitForURL(/\/admin\/r\/greetings\/\d+$/)
    const showUrl = page.url()

    await page.getByTestId('edit-button').click()
    await page.waitForURL(/\/edit$/)
    await page.getByTestId('input-message').fill(`Después ${marker}`)

    // A refusal that names no field (a conflict) is shown above the form.
    await page.route('**/api/r/greetings/*', (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 409,
            json: { error: { code: 'CONFLICT', message: 'Otra persona cambió este saludo' } },
          })
        : route.fallback()
    )
    await page.getByTestId('save-button').click()
    await page.getByTestId('form-error').filter({ hasText: 'Otra persona cambió' }).waitFor()
    await page.unroute('**/api/r/greetings/*')

    await page.getByTestId('save-button').click()
    await page.waitForURL(showUrl)
    await page
      .getByTestId('field-message')
      .filter({ hasText: `Después ${marker}` })
      .waitFor()

    await page.getByTestId('history-tab').click()
    const history = page.getByTestId('history-table')
    const change = history.locator('tr', { hasText: `Después ${marker}` })
    await change.waitFor()
    const cells = await change.locator('td').allInnerTexts()
    assert.includeMembers(cells, ['Ana Administradora', 'Cambio', 'Mensaje', `Antes ${marker}`])
    assert.include(await history.innerText(), 'Creación')
    await keepScreenshot(page, 'greetings-history')

    await page.getByTestId('delete-button').click()
    const question = openConfirmation(page)
    assert.include(await question.innerText(), `Después ${marker}`)
    await question.getByRole('button', { name: 'Eliminar' }).click()
    await page.waitForURL('**/admin/r/greetings')
    const response = await page.request.get(showUrl.replace('/admin/r/', '/api/r/'))
    assert.equal(response.status(), 404)
  })

  test('an admin bulk deletes the selected rows after confirming', async ({ assert }) => {
    const { page } = ui
    const marker = `bulk-${Date.now()}`
    const ids = await seedGreetings([{ message: `uno ${marker}` }, { message: `dos ${marker}` }])
    await signInAs(page, 'admin', '/r/greetings')
    await page.getByTestId('list-search').fill(marker)
    await page.getByTestId('list-search').press('Enter')
    await page.getByTestId('list-total').filter({ hasText: '2 registros' }).waitFor()

    await page.locator('.ant-table-thead .ant-checkbox-input').check()
    await page.getByTestId('bulk-delete').click()
    await openConfirmation(page).getByRole('button', { name: 'Eliminar' }).click()
    await page.locator('.ant-table-tbody .ant-empty').waitFor()
    for (const id of ids) {
      assert.equal((await page.request.get(`/api/r/greetings/${id}`)).status(), 404)
    }
  })

  test('an agent sees only own greetings, may edit them in bulk, never create or delete', async ({
    assert,
  }) => {
    const { page } = ui
    const marker = `agent-${Date.now()}`
    const agent = await User.findByOrFail('email', demoUser('agent').email)
    const [own] = await seedGreetings([
      { message: `mío ${marker}`, owner_id: agent.id },
      { message: `ajeno ${marker}` },
    ])
    await signInAs(page, 'agent', '/r/greetings')
    await page.getByTestId('list-search').fill(marker)
    await page.getByTestId('list-search').press('Enter')
    await page.getByTestId('list-total').filter({ hasText: '1 registro' }).waitFor()
    assert.deepEqual(await columnTexts(page, 'message'), [`mío ${marker}`])
    assert.equal(await page.getByTestId('create-button').count(), 0)
    // Rows are selectable for the bulk edit (update), never for a bulk delete.
    await page.locator('.ant-table-tbody tr.ant-table-row .ant-checkbox-input').first().check()
    await page.getByTestId('bulk-edit').waitFor()
    assert.equal(await page.getByTestId('bulk-delete').count(), 0)

    await page.goto(`/admin/r/greetings/${own}`)
    await page.getByTestId('edit-button').waitFor()
    assert.equal(await page.getByTestId('delete-button').count(), 0)
    await page.goto('/admin/r/greetings/create')
    await page.getByTestId('forbidden-page').waitFor()
  })
})

import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import db from '@adonisjs/lucid/services/db'
import { signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { columnTexts } from './support/antd_widgets.ts'
import { keepScreenshot } from './support/screenshots.ts'

/** A last name no other run shares, in letters only: a digit would make `q` search documents. */
function uniqueSurname() {
  const letters = Date.now()
    .toString(26)
    .split('')
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 26)))
    .join('')
  return `Imp${letters}`
}

/** Drops a CSV on the import modal's drop zone, as a user picking the file would. */
async function dropCsv(page: Page, name: string, lines: string[]) {
  await page
    .getByTestId('import-dragger')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') })
}

async function searchList(page: Page, text: string) {
  await page.getByTestId('list-search').fill(text)
  await page.getByTestId('list-search').press('Enter')
}

async function clientsNamed(lastName: string) {
  const rows = await db.from('clients').where('last_name', lastName).select('first_name')
  return rows.map((row: { first_name: string }) => row.first_name)
}

/** The generic CSV import of a resource list (X3), on the clients list. */
test.group('Resource CSV import', (group) => {
  const ui = useAdminUi(group)

  test('a supervisor imports clients from a CSV', async ({ assert }) => {
    const { page } = ui
    const surname = uniqueSurname()
    await signInAs(page, 'supervisor', '/r/clients')
    await searchList(page, `Bruno ${surname}`)
    await page.locator('.ant-table-tbody .ant-empty').waitFor()
    await page.getByTestId('import-csv').click()

    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-template').click(),
    ])
    const header = (await readFile((await template.path())!, 'utf8')).split(/\r?\n/)[0]
    assert.include(header, 'first_name')

    // A bad row: its line is shown, and nothing is written unless the valid rows are confirmed.
    await dropCsv(page, 'clientes-con-error.csv', [
      'first_name,last_name,email',
      `Ana,${surname},ana.${surname}@example.com`,
      `Bruno,${surname},no-es-correo`,
    ])
    // The server answers at once and checks in the background, which the modal follows.
    await page.getByTestId('import-progress-validation').waitFor()
    const invalid = page.getByTestId('import-invalid')
    await invalid.waitFor()
    assert.include(await invalid.innerText(), 'No se escribió nada')
    const error = page.getByTestId('import-errors').locator('tr.ant-table-row').first()
    assert.includeMembers(await error.locator('td').allInnerTexts(), ['3', 'email'])
    await keepScreenshot(page, 'import-invalid')
    const report = page.getByTestId('import-errors-download')
    const errorsCsv = await page.request.get((await report.getAttribute('href'))!)
    assert.include(await errorsCsv.text(), '3,email,')
    assert.deepEqual(await clientsNamed(surname), [])

    await page.getByTestId('import-again').click()
    await dropCsv(page, 'clientes.csv', [
      'first_name,last_name,email',
      `Ana,${surname},ana.${surname}@example.com`,
      `Bruno,${surname},bruno.${surname}@example.com`,
      `Carla,${surname},carla.${surname}@example.com`,
    ])
    const confirmation = page.getByTestId('import-confirm')
    await confirmation.waitFor()
    assert.include(await confirmation.innerText(), 'Se crearán 3 clientes')
    assert.include(await confirmation.innerText(), 'no se puede deshacer')
    await keepScreenshot(page, 'import-confirm')

    await page.getByTestId('import-start').click()
    await page.getByTestId('import-progress-import').waitFor()
    const summary = page.getByTestId('import-done-summary')
    await summary.waitFor()
    assert.equal(await summary.innerText(), 'Se crearon 3 clientes.')
    await keepScreenshot(page, 'import-done')
    assert.sameMembers(await clientsNamed(surname), ['Ana', 'Bruno', 'Carla'])

    // Closing refreshes the list behind: the search made before the import now finds Bruno.
    await page.getByTestId('import-close').click()
    await page.getByTestId('list-total').filter({ hasText: '1 registro' }).waitFor()
    assert.deepEqual(await columnTexts(page, 'last_name'), [surname])
    assert.deepEqual(await columnTexts(page, 'first_name'), ['Bruno'])
  })

  test('a job the server no longer shows stops being polled, and the screen says so', async ({
    assert,
  }) => {
    const { page } = ui
    await signInAs(page, 'supervisor', '/r/clients')
    await page.getByTestId('import-csv').click()
    // Every poll of a job answers 404 (deleted meanwhile, or another node's restart lost it).
    let polls = 0
    await page.route(/\/api\/r\/clients\/imports\/\d+$/, (route) => {
      if (route.request().method() !== 'GET') return route.continue()
      polls += 1
      return route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such import' } }),
      })
    })
    await dropCsv(page, 'clientes.csv', ['first_name', `Ana${uniqueSurname()}`])
    await page.getByText('Ya no se puede seguir el avance de esta importación.').waitFor()
    const seen = polls
    await page.waitForTimeout(2500)
    assert.equal(polls, seen, 'no poll after the 404')
    assert.equal(seen, 1)
  })

  test('the import button is there only for who may import and create', async ({ assert }) => {
    const { page } = ui
    await signInAs(page, 'agent', '/r/clients')
    await page.getByTestId('resource-list').waitFor()
    assert.equal(await page.getByTestId('import-csv').count(), 0)
  })
})

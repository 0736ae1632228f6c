import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import { menuEntry, signInAs, togglePlugin, waitForPluginState } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { chooseOption, columnTexts } from './support/antd_widgets.ts'

/** Drops a CSV on the import modal's drop zone, as a user picking the file would. */
async function dropCsv(page: Page, name: string, lines: string[]) {
  await page
    .getByTestId('import-dragger')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') })
}

/** What the plugin's own route answers, through the browser's session. */
async function summary(page: Page) {
  const response = await page.request.get('/api/p/recordatorios/summary')
  return { status: response.status(), body: await response.json() }
}

/**
 * tests/fixtures/plugins/recordatorios is `node ace make:plugin recordatorios` as it writes it (the scaffold
 * test keeps them identical) and has no admin code: its resource reaches every generic screen
 * from /api/meta alone, and leaves with the plugin (issue 13, Done when).
 */
test.group('A scaffolded plugin in the admin (K8, X3)', (group) => {
  const ui = useAdminUi(group)

  test('its resource has a menu entry, form, history, import, filters and export', async ({
    assert,
  }) => {
    const { page } = ui
    const marker = `n${Date.now()}`
    await signInAs(page, 'admin')
    await menuEntry(page, 'Recordatorios').click()
    await page.waitForURL('**/admin/r/recordatorios')

    // Create through the generated form, then edit: both land in the History tab.
    await page.getByTestId('create-button').click()
    await page.waitForURL('**/admin/r/recordatorios/create')
    await page.getByTestId('input-title').fill(`Visitar ${marker}`)
    await chooseOption(page, page.getByTestId('input-kind'), 'Visita')
    await page.getByTestId('input-due_on').fill('2026-12-24')
    await page.getByTestId('input-due_on').press('Enter')
    await page.getByTestId('save-button').click()
    await page.waitForURL(/\/admin\/r\/recordatorios\/\d+$/)
    assert.equal(await page.getByTestId('field-kind').innerText(), 'Visita')
    assert.equal(await page.getByTestId('field-due_on').innerText(), '24/12/2026')

    await page.getByTestId('edit-button').click()
    await page.getByTestId('input-title').fill(`Visitar el lunes ${marker}`)
    await page.getByTestId('save-button').click()
    await page
      .getByTestId('field-title')
      .filter({ hasText: `Visitar el lunes ${marker}` })
      .waitFor()
    await page.getByTestId('history-tab').click()
    const history = page.getByTestId('history-table')
    await history.locator('tr', { hasText: `Visitar el lunes ${marker}` }).waitFor()
    assert.include(await history.innerText(), 'Creación')

    // Import two more from a CSV.
    await menuEntry(page, 'Recordatorios').click()
    await page.waitForURL('**/admin/r/recordatorios')
    await page.getByTestId('import-csv').click()
    await dropCsv(page, 'recordatorios.csv', [
      'title,kind,due_on',
      `Llamar ${marker},call,2026-12-01`,
      `Escribir ${marker},email,2026-12-02`,
    ])
    await page.getByTestId('import-confirm').waitFor()
    await page.getByTestId('import-start').click()
    await page.getByTestId('import-done-summary').waitFor()
    assert.include(await page.getByTestId('import-done-summary').innerText(), '2')
    await page.getByTestId('import-close').click()

    // Filter: title contains the marker and the kind is Email, or Visit.
    await page.getByTestId('filter-toggle').click()
    const builder = page.getByTestId('filter-builder')
    await builder.getByTestId('filter-add-condition').click()
    const byTitle = builder.getByTestId('filter-condition').nth(0)
    await chooseOption(page, byTitle.getByTestId('filter-field'), 'Título')
    await chooseOption(page, byTitle.getByTestId('filter-operator'), 'contiene')
    await byTitle.getByTestId('filter-value').fill(marker)
    await builder.getByTestId('filter-add-group').click()
    const nested = builder.getByTestId('filter-group').nth(1)
    const byEmail = nested.getByTestId('filter-condition').nth(0)
    await chooseOption(page, byEmail.getByTestId('filter-field'), 'Tipo')
    await chooseOption(page, byEmail.getByTestId('filter-value'), 'Correo')
    await nested.getByTestId('filter-add-condition').click()
    const byVisit = nested.getByTestId('filter-condition').nth(1)
    await chooseOption(page, byVisit.getByTestId('filter-field'), 'Tipo')
    await chooseOption(page, byVisit.getByTestId('filter-value'), 'Visita')
    await builder.getByTestId('filter-apply').click()
    await page.getByTestId('list-total').filter({ hasText: '2 registros' }).waitFor()
    assert.sameMembers(await columnTexts(page, 'title'), [
      `Visitar el lunes ${marker}`,
      `Escribir ${marker}`,
    ])

    // Export what is shown.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ])
    const csv = await readFile((await download.path())!, 'utf8')
    const lines = csv.trim().split(/\r?\n/)
    assert.lengthOf(lines, 3, csv)
    // Headers in the supervisor's language (issue 20.10).
    assert.include(lines[0], 'Título')
    assert.include(csv, `Escribir ${marker}`)
    assert.include(csv, `Visitar el lunes ${marker}`)
    assert.notInclude(csv, `Llamar ${marker}`)
  })

  test('disabled, it leaves the menu and its routes answer 404; enabled, it returns', async ({
    assert,
  }) => {
    const { page } = ui
    await signInAs(page, 'admin', '/plugins')
    await menuEntry(page, 'Recordatorios').waitFor()
    assert.equal((await summary(page)).status, 200)

    try {
      await togglePlugin(page, 'recordatorios', 'Desactivar')
      await waitForPluginState(page, 'recordatorios', 'Inactivo')
      await menuEntry(page, 'Recordatorios').waitFor({ state: 'detached' })
      const disabled = await summary(page)
      assert.equal(disabled.status, 404)
      assert.equal(disabled.body.error.code, 'PLUGIN_DISABLED')
      assert.equal((await page.request.get('/api/r/recordatorios')).status(), 404)

      await togglePlugin(page, 'recordatorios', 'Activar')
      await waitForPluginState(page, 'recordatorios', 'Activo')
      await menuEntry(page, 'Recordatorios').click()
      await page.waitForURL('**/admin/r/recordatorios')
      await page.getByTestId('resource-list').waitFor()
      assert.equal((await summary(page)).status, 200)
    } finally {
      // Leave the fixture plugin as every other test expects it: enabled.
      await page.goto('/admin/plugins')
      const state = page.getByTestId('plugin-state-recordatorios')
      await state.waitFor()
      if ((await state.innerText()) === 'Inactivo') {
        await togglePlugin(page, 'recordatorios', 'Activar')
        await waitForPluginState(page, 'recordatorios', 'Activo')
      }
    }
  })
})

import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { Page } from 'playwright-core'
import db from '@adonisjs/lucid/services/db'
import { toSqlDateTime } from '#services/audit_log'
import { signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { chooseOption } from './support/antd_widgets.ts'
import { seedClient, uniquePhone } from './support/client_fixtures.ts'
import { keepScreenshot } from './support/screenshots.ts'

/** A word no other run shares, in letters only (a digit would make `q` search documents). */
function uniqueWord(prefix: string) {
  const letters = Date.now()
    .toString(26)
    .split('')
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 26)))
    .join('')
  return `${prefix}${letters}`
}

async function dropFile(page: Page, name: string, buffer: Buffer) {
  await page
    .getByTestId('import-dragger')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer })
}

async function searchList(page: Page, text: string) {
  await page.getByTestId('list-search').fill(text)
  await page.getByTestId('list-search').press('Enter')
}

/** Issue 14 (column mapping) and 20.10 (import and export in the supervisor's language). */
test.group('CSV import: mapping columns, and the export imported back', (group) => {
  const ui = useAdminUi(group)

  test('a supervisor maps the columns of a file with other headers, with a preview, and imports it', async ({
    assert,
  }) => {
    const { page } = ui
    const surname = uniqueWord('Map')
    await signInAs(page, 'supervisor', '/r/clients')
    await page.getByTestId('import-csv').click()
    const lines = [
      'Nombre del titular;APELLIDOS;Ciudad;Cédula',
      `Ana;${surname};Bogotá;C-1`,
      `Bruno;${surname};Cali;C-2`,
    ]
    await dropFile(page, 'proveedor.csv', Buffer.from(lines.join('\r\n') + '\r\n'))

    const mapping = page.getByTestId('import-mapping')
    await mapping.waitFor()
    // The first rows are shown before anything is validated.
    const preview = page.getByTestId('import-mapping-preview')
    assert.include(await preview.innerText(), 'Bogotá')
    assert.include(await preview.innerText(), 'Bruno')
    // "APELLIDOS" names a field by its label; the others wait for the user.
    assert.include(await page.getByTestId('import-mapping-field-1').innerText(), 'Apellidos')
    assert.include(await page.getByTestId('import-mapping-missing').innerText(), 'Nombres')
    assert.isTrue(await page.getByTestId('import-mapping-confirm').isDisabled())

    await chooseOption(page, page.getByTestId('import-mapping-field-0'), 'Nombres *')
    await chooseOption(page, page.getByTestId('import-mapping-field-3'), 'Documento')
    await keepScreenshot(page, 'import-mapping')
    await page.getByTestId('import-mapping-confirm').click()

    const confirmation = page.getByTestId('import-confirm')
    await confirmation.waitFor()
    assert.include(await confirmation.innerText(), 'Se crearán 2 clientes')
    await page.getByTestId('import-start').click()
    await page.getByTestId('import-done-summary').waitFor()

    const rows = await db
      .from('clients')
      .where('last_name', surname)
      .orderBy('id')
      .select('first_name', 'document')
    assert.deepEqual(
      rows.map((row) => [row.first_name, row.document]),
      [
        ['Ana', 'C-1'],
        ['Bruno', 'C-2'],
      ]
    )
  })

  test('a supervisor exports the list in Spanish and imports it back, the campaign by name', async ({
    assert,
  }) => {
    const { page } = ui
    const surname = uniqueWord('Ida')
    const campaign = uniqueWord('Campania')
    const [campaignId] = await db.table('campaigns').insert({
      name: campaign,
      type: 'outbound_dialer',
      created_at: toSqlDateTime(DateTime.utc()),
    })
    const phone = uniquePhone()
    await seedClient({
      first_name: 'Elena',
      last_name: surname,
      primary_phone: phone,
      country: 'CO',
      campaign_id: Number(campaignId),
    })

    await signInAs(page, 'supervisor', '/r/clients')
    await searchList(page, `Elena ${surname}`)
    await page.getByTestId('list-total').filter({ hasText: '1 registro' }).waitFor()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ])
    const csv = await readFile((await download.path())!)
    const [header, row] = csv
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/)
    const cells = header.split(',')
    const values = row.split(',')
    const cell = (name: string) => values[cells.indexOf(name)]
    assert.equal(cell('Nombres'), 'Elena')
    assert.equal(cell('Campaña'), campaign)
    assert.equal(cell('Estado'), 'Nuevo')
    assert.equal(cell('VIP'), 'No')
    assert.equal(cell('Teléfono principal'), phone)

    // The client goes; the exported file brings it back, its campaign given by name.
    const old = await db.from('clients').where('last_name', surname).firstOrFail()
    await db.from('client_phones').where('client_id', old.id).delete()
    await db.from('clients').where('id', old.id).delete()

    await page.getByTestId('import-csv').click()
    await dropFile(page, 'clientes.csv', csv)
    const confirmation = page.getByTestId('import-confirm')
    await confirmation.waitFor()
    assert.include(await confirmation.innerText(), 'Se creará 1 registro')
    await page.getByTestId('import-start').click()
    await page.getByTestId('import-done-summary').waitFor()

    const back = await db.from('clients').where('last_name', surname).firstOrFail()
    assert.equal(back.first_name, 'Elena')
    assert.equal(back.primary_phone, phone)
    assert.equal(back.status, 'new')
    assert.equal(Number(back.campaign_id), Number(campaignId))
  })
})

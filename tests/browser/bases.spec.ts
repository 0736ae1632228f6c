import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { toSqlDateTime } from '#services/audit_log'
import { menuEntry, openMenuEntry, signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { chooseOption, searchAndChoose } from './support/antd_widgets.ts'
import { keepScreenshot } from './support/screenshots.ts'

/** A name no other run shares, in letters only (a digit would make `q` search documents). */
function uniqueWord(prefix: string) {
  const letters = Date.now()
    .toString(26)
    .split('')
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 26)))
    .join('')
  return `${prefix}${letters}`
}

async function dropCsv(page: Page, name: string, lines: string[]) {
  await page
    .getByTestId('import-dragger')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') })
}

/** Signs in as the supervisor and opens Parámetros → Bases. */
async function openBases(page: Page) {
  await signInAs(page, 'supervisor', '/')
  await openMenuEntry(page, 'Parámetros', 'Bases')
  await page.getByTestId('resource-list').waitFor()
}

/** Uploads a file that updates the status of the clients it names by document; answers the confirmation. */
async function updateStatusByDocument(page: Page, lines: string[]) {
  await page.getByTestId('base-upload').click()
  await page.getByTestId('import-mode-update').click()
  await chooseOption(page, page.getByTestId('import-key-field'), 'Documento')
  await chooseOption(page, page.getByTestId('import-update-fields'), 'Estado')
  await dropCsv(page, 'estados.csv', lines)
  const confirm = page.getByTestId('import-confirm-update')
  await confirm.waitFor()
  return confirm
}

/** Parámetros → Bases: upload a base, see it counted, export it, delete it with confirmation. */
test.group('Bases', (group) => {
  const ui = useAdminUi(group)

  test('a supervisor uploads a base, exports it, and deletes it keeping the client with a note', async ({
    assert,
  }) => {
    const { page } = ui
    const surname = uniqueWord('Base')
    const campaign = uniqueWord('Campania')
    await db.table('campaigns').insert({
      name: campaign,
      type: 'outbound_dialer',
      created_at: toSqlDateTime(DateTime.utc()),
    })

    await openBases(page)

    // Upload: the base's name and campaign, then the file through the clients import.
    await page.getByTestId('base-upload').click()
    await page.getByTestId('import-base-name').fill(`Mora ${surname}`)
    await searchAndChoose(page, page.getByTestId('import-base-campaign'), campaign, campaign)
    await dropCsv(page, 'mora.csv', [
      'first_name,last_name',
      `Ana,${surname}`,
      `Bruno,${surname}`,
      `Carla,${surname}`,
    ])
    await page.getByTestId('import-start').click()
    await page.getByTestId('import-done-summary').waitFor()
    await page.getByTestId('import-close').click()

    const base = await db.from('bases').where('name', `Mora ${surname}`).firstOrFail()
    const [campaignRow] = await db.from('campaigns').where('name', campaign)
    assert.equal(Number(base.campaign_id), Number(campaignRow.id))
    const clients = await db.from('clients').where('last_name', surname).orderBy('id')
    assert.lengthOf(clients, 3)
    assert.isTrue(clients.every((row) => Number(row.base_id) === Number(base.id)))

    // Listed with its clients now.
    await page.getByTestId('list-search').fill(`Mora ${surname}`)
    await page.getByTestId('list-search').press('Enter')
    await page.getByTestId(`base-clients-${base.id}`).filter({ hasText: '3' }).waitFor()
    await keepScreenshot(page, 'bases-list')

    // The export link downloads the base's clients as they are now.
    const exportLink = page.getByTestId(`base-export-${base.id}`)
    const exported = await page.request.get((await exportLink.getAttribute('href'))!)
    assert.equal(exported.status(), 200)
    const csv = await exported.text()
    for (const name of ['Ana', 'Bruno', 'Carla']) assert.include(csv, `${name},${surname}`)

    // Bruno has a note: the deletion says it keeps him, and lists him.
    await db.table('client_notes').insert({
      client_id: clients[1].id,
      body: 'Prometió pagar',
      created_at: toSqlDateTime(DateTime.utc()),
    })
    await page.getByTestId(`base-delete-${base.id}`).click()
    const plan = page.getByTestId('base-delete-plan')
    await plan.waitFor()
    assert.include(await plan.innerText(), 'Se eliminarán 2 clientes')
    assert.include(await plan.innerText(), 'Se conservará 1 cliente')
    assert.include(await plan.innerText(), '1 nota(s)')
    assert.include(await page.getByTestId('base-kept-clients').innerText(), `Bruno ${surname}`)
    await keepScreenshot(page, 'base-delete-confirmation')

    await page.getByTestId('base-delete-confirm').click()
    await page.getByTestId('base-delete-progress').waitFor()
    const done = page.getByTestId('base-delete-done')
    await done.waitFor()
    assert.include(await done.innerText(), '2 clientes eliminados')
    assert.include(await page.getByTestId('base-kept-clients').innerText(), `Bruno ${surname}`)
    await keepScreenshot(page, 'base-delete-done')
    await page.getByTestId('base-delete-close').click()
    await page.getByTestId(`base-clients-${base.id}`).filter({ hasText: '1' }).waitFor()

    const left = await db.from('clients').where('last_name', surname).select('first_name')
    assert.deepEqual(
      left.map((row) => row.first_name),
      ['Bruno']
    )
  })

  test('a supervisor imports the valid rows of a base with bad ones, downloads the bad rows, then updates a field by document', async ({
    assert,
  }) => {
    const { page } = ui
    const surname = uniqueWord('Parcial')
    const doc = (n: number) => `D${surname}${n}`
    await openBases(page)

    // A base with two bad rows: the valid ones may be imported after confirming.
    await page.getByTestId('base-upload').click()
    await page.getByTestId('import-base-name').fill(`Parcial ${surname}`)
    await dropCsv(page, 'parcial.csv', [
      'first_name,last_name,document,email',
      `Ana,${surname},${doc(1)},`,
      `Bruno,${surname},${doc(2)},no-es-correo`,
      `Carla,${surname},${doc(3)},`,
      `,${surname},${doc(4)},`,
    ])
    const partial = page.getByTestId('import-partial')
    await partial.waitFor()
    assert.include(await partial.innerText(), '2 filas con errores no se importarán')
    await keepScreenshot(page, 'import-partial-confirmation')

    // The bad rows come back as the file had them, with their errors first.
    const download = page.getByTestId('import-rejected-download')
    const rejected = await page.request.get((await download.getAttribute('href'))!)
    assert.equal(rejected.status(), 200)
    const lines = (await rejected.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    assert.equal(lines[0], 'Errores de importación,first_name,last_name,document,email')
    assert.lengthOf(lines, 3)
    assert.match(lines[1], new RegExp(`,Bruno,${surname},${doc(2)},no-es-correo$`))
    assert.match(lines[2], new RegExp(`^first_name: .*,,${surname},${doc(4)},$`))

    await page.getByTestId('import-start-valid').click()
    await page.getByTestId('import-done-summary').waitFor()
    await page.getByTestId('import-close').click()
    const imported = await db.from('clients').where('last_name', surname).orderBy('id')
    assert.deepEqual(
      imported.map((row) => row.first_name),
      ['Ana', 'Carla']
    )

    // Update by document: only the status changes, after confirming how many match.
    const confirm = await updateStatusByDocument(page, [
      'first_name,last_name,document,status',
      `Otro nombre,${surname},${doc(1)},Cerrado`,
      `Carla,${surname},${doc(3)},Cerrado`,
      `Nuevo,${surname},${doc(5)},`,
    ])
    assert.include(await confirm.innerText(), '2 clientes se actualizarán, 1 son nuevos')
    await keepScreenshot(page, 'import-update-confirmation')
    await page.getByTestId('import-start').click()
    await page.getByTestId('import-done-summary').waitFor()
    assert.include(
      await page.getByTestId('import-done-summary').innerText(),
      'Se actualizaron 2 registros'
    )
    const after = await db.from('clients').where('last_name', surname).orderBy('id')
    assert.deepEqual(
      after.map((row) => [row.first_name, row.status]),
      [
        ['Ana', 'closed'],
        ['Carla', 'closed'],
        ['Nuevo', 'new'],
      ]
    )
  })

  test('a supervisor uploads a base with mapped columns and bad rows, imports the valid ones, updates a field by document, exports the base and deletes it', async ({
    assert,
  }) => {
    const { page } = ui
    const surname = uniqueWord('Flujo')
    const doc = (n: number) => `F${surname}${n}`
    await openBases(page)

    // 1. A provider's file (its own headers, semicolons) with two bad rows.
    await page.getByTestId('base-upload').click()
    await page.getByTestId('import-base-name').fill(`Flujo ${surname}`)
    await page
      .getByTestId('import-dragger')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'proveedor.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          [
            'Titular de la cuenta;APELLIDOS;Nro de cédula;email',
            `Ana;${surname};${doc(1)};`,
            `Bruno;${surname};${doc(2)};no-es-correo`,
            `Carla;${surname};${doc(3)};`,
            `;${surname};${doc(4)};`,
          ].join('\r\n') + '\r\n'
        ),
      })
    await page.getByTestId('import-mapping').waitFor()
    await chooseOption(page, page.getByTestId('import-mapping-field-0'), 'Nombres *')
    await chooseOption(page, page.getByTestId('import-mapping-field-2'), 'Documento')
    await page.getByTestId('import-mapping-confirm').click()

    // 2. The valid rows are imported after confirming that the bad ones are not.
    const partial = page.getByTestId('import-partial')
    await partial.waitFor()
    assert.include(await partial.innerText(), '2 filas con errores no se importarán')
    await page.getByTestId('import-start-valid').click()
    await page.getByTestId('import-done-summary').waitFor()
    await page.getByTestId('import-close').click()
    const base = await db.from('bases').where('name', `Flujo ${surname}`).firstOrFail()
    const imported = await db.from('clients').where('last_name', surname).orderBy('id')
    assert.deepEqual(
      imported.map((row) => [row.first_name, row.document, Number(row.base_id)]),
      [
        ['Ana', doc(1), Number(base.id)],
        ['Carla', doc(3), Number(base.id)],
      ]
    )

    // 3. A field updated by document, after confirming what changes.
    const confirm = await updateStatusByDocument(page, [
      'first_name,last_name,document,status',
      `Ana,${surname},${doc(1)},Cerrado`,
      `Carla,${surname},${doc(3)},Contactado`,
    ])
    assert.include(await confirm.innerText(), '2 clientes se actualizarán')
    await page.getByTestId('import-start').click()
    await page.getByTestId('import-done-summary').waitFor()
    await page.getByTestId('import-close').click()
    const updated = await db.from('clients').where('last_name', surname).orderBy('id')
    assert.deepEqual(
      updated.map((row) => row.status),
      ['closed', 'contacted']
    )

    // 4. The base exported as it is now, in Spanish.
    await page.getByTestId('list-search').fill(`Flujo ${surname}`)
    await page.getByTestId('list-search').press('Enter')
    await page.getByTestId(`base-clients-${base.id}`).filter({ hasText: '2' }).waitFor()
    const exportLink = page.getByTestId(`base-export-${base.id}`)
    const exported = await page.request.get((await exportLink.getAttribute('href'))!)
    assert.equal(exported.status(), 200)
    const csv = await exported.text()
    assert.include(csv, doc(1))
    assert.include(csv, 'Cerrado')
    assert.include(csv, 'Contactado')
    assert.notInclude(csv, doc(2))

    // 5. The base deleted after its confirmation: both clients go (no gestiones, notes or callbacks).
    await page.getByTestId(`base-delete-${base.id}`).click()
    const plan = page.getByTestId('base-delete-plan')
    await plan.waitFor()
    assert.include(await plan.innerText(), 'Se eliminarán 2 clientes')
    await page.getByTestId('base-delete-confirm').click()
    const done = page.getByTestId('base-delete-done')
    await done.waitFor()
    assert.include(await done.innerText(), '2 clientes eliminados')
    await keepScreenshot(page, 'base-full-flow-deleted')
    await page.getByTestId('base-delete-close').click()
    assert.lengthOf(await db.from('clients').where('last_name', surname), 0)
    // the mapping this upload remembered would be proposed to the mapping spec's file
    await db.from('import_mappings').delete()
  })

  test('agents see no Bases screen', async ({ assert }) => {
    const { page } = ui
    await signInAs(page, 'agent', '/')
    assert.equal(await menuEntry(page, 'Bases').count(), 0)
  })
})

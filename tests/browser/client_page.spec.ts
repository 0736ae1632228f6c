import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import db from '@adonisjs/lucid/services/db'
import { openConfirmation, signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import {
  chooseOption,
  columnTexts,
  fieldError,
  searchAndChoose,
  waitForNotice,
} from './support/antd_widgets.ts'
import { demoUserId, seedClient, uniquePhone } from './support/client_fixtures.ts'
import { keepScreenshot } from './support/screenshots.ts'

/**
 * Opens a tab of the client page and waits until it is the active one: a
 * click that lands while the strip re-renders (a live update, a plugin's
 * tab arriving) is lost, so it is clicked again, as a user would.
 */
async function openTab(page: Page, tab: string) {
  const active = page.locator(`.ant-tabs-tab-active [data-testid="client-tab-${tab}"]`)
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId(`client-tab-${tab}`).click()
    try {
      await active.waitFor({ timeout: 5000 })
      return
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

/** The client page replaces the generated record page for `clients` (C1–C15, K6). */
test.group('Client page', (group) => {
  const ui = useAdminUi(group)

  test('an admin assigns the client, marks it VIP and reads the change in its history', async ({
    assert,
  }) => {
    const { page } = ui
    const id = await seedClient({
      first_name: 'Lucía',
      last_name: 'Cano',
      primary_phone: uniquePhone(),
    })
    await signInAs(page, 'admin', `/r/clients/${id}`)
    assert.equal(await page.getByTestId('client-name').innerText(), 'Lucía Cano')
    assert.equal(await page.getByTestId('assigned-user-name').innerText(), 'Sin asignar')

    await page.getByTestId('assigned-user-change').click()
    await chooseOption(page, page.getByTestId('assigned-user-select'), 'Andrea Agente')
    await page.getByTestId('assigned-user-save').click()
    await page.getByTestId('assigned-user-name').filter({ hasText: 'Andrea Agente' }).waitFor()

    await page.getByTestId('input-vip').click()
    await page.getByTestId('save-button').click()
    await page.getByTestId('client-vip').waitFor()

    await openTab(page, 'history')
    const change = page.getByTestId('client-history').locator('tr', { hasText: 'VIP' })
    await change.waitFor()
    assert.includeMembers(await change.locator('td').allInnerTexts(), [
      'VIP',
      'No',
      'Sí',
      'Ana Administradora',
    ])
    await keepScreenshot(page, 'client-history')

    await page.getByTestId('assigned-user-remove').click()
    await openConfirmation(page).getByRole('button', { name: 'Quitar' }).click()
    await page.getByTestId('assigned-user-name').filter({ hasText: 'Sin asignar' }).waitFor()
  })

  test('phones are added, made primary and verified; e-mails added', async ({ assert }) => {
    const { page } = ui
    const id = await seedClient({
      first_name: 'Mateo',
      primary_phone: uniquePhone(),
      country: 'CO',
    })
    const second = '+573105550000'.replace('0000', String(Date.now()).slice(-4))
    await signInAs(page, 'admin', `/r/clients/${id}?tab=contacts`)

    const phones = page.getByTestId('client-phones')
    await phones.getByTestId('client-phones-add').click()
    await page.getByTestId('input-e164').fill(second)
    await page.getByTestId('input-label').fill('Trabajo')
    await page.getByTestId('save-button').click()
    const row = phones.locator('tr', { hasText: second })
    await row.waitFor()

    await row.getByTestId('phone-set-primary').click()
    await page.getByTestId('client-summary-primary_phone').filter({ hasText: second }).waitFor()
    await row.getByTestId('phone-verify').click()
    await row.getByTestId('phone-verify').waitFor({ state: 'detached' })
    assert.include(await row.innerText(), 'Sí')

    const emails = page.getByTestId('client-emails')
    await emails.getByTestId('client-emails-add').click()
    await page.getByTestId('input-email').fill('no-es-correo')
    await page.getByTestId('save-button').click()
    await fieldError(page, 'email').first().waitFor()
    await page.getByTestId('input-email').fill(`mateo${Date.now()}@example.com`)
    await page.getByTestId('save-button').click()
    await emails.locator('tr', { hasText: '@example.com' }).waitFor()
    await keepScreenshot(page, 'client-contacts')
  })

  test('notes, tasks overdue in red with a done box, and files', async ({ assert }) => {
    const { page } = ui
    const id = await seedClient({ first_name: 'Sofía', primary_phone: uniquePhone() })
    await signInAs(page, 'admin', `/r/clients/${id}?tab=notes`)

    await page.getByTestId('note-body').fill('Prefiere que la llamen por la tarde')
    await page.getByTestId('note-add').click()
    const note = page.getByTestId('note').filter({ hasText: 'Prefiere que la llamen' })
    // The author's name arrives with the users' labels, a moment after the note.
    await note.filter({ hasText: 'Ana Administradora' }).waitFor()
    assert.equal(await note.count(), 1)

    await openTab(page, 'tasks')
    await page.getByTestId('task-new').click()
    await page.getByTestId('input-title').fill('Enviar estado de cuenta')
    await page.getByTestId('input-due_at').fill('2020-01-02 09:30')
    await page.getByTestId('input-due_at').press('Enter')
    await page.getByTestId('save-button').click()
    // a due date in the past is kept only once confirmed (issue 20 item 6)
    await page.getByTestId('confirm-past').click()
    const overdue = page.getByTestId('task-overdue')
    await overdue.waitFor()
    assert.include(await overdue.innerText(), '02/01/2020')
    assert.equal(await overdue.locator('.ant-typography-danger').count(), 1)
    await keepScreenshot(page, 'client-tasks')
    await page.getByTestId('task-done').click()
    await overdue.waitFor({ state: 'detached' })

    await openTab(page, 'files')
    await page
      .getByTestId('client-files')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'contrato.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('firmado'),
      })
    const link = page.getByTestId('file-download').filter({ hasText: 'contrato.txt' })
    await link.waitFor()
    const download = await page.request.get((await link.getAttribute('href'))!)
    assert.equal(await download.text(), 'firmado')
    await page.getByTestId('file-delete').click()
    assert.include(await openConfirmation(page).innerText(), 'contrato.txt')
    await openConfirmation(page).getByRole('button', { name: 'Eliminar' }).click()
    await link.waitFor({ state: 'detached' })
  })

  test('a duplicate is merged only after a confirmation naming both clients', async ({
    assert,
  }) => {
    const { page } = ui
    const email = `dup${Date.now()}@example.com`
    const keep = await seedClient({ first_name: 'Ana', last_name: 'Ríos', email })
    const twin = await seedClient({ first_name: 'Ana María', last_name: 'Ríos', email })
    const relatedLastName = `Ríos${Date.now()}`
    const relatedName = `Julián ${relatedLastName}`
    const related = await seedClient({ first_name: 'Julián', last_name: relatedLastName })
    await signInAs(page, 'admin', `/r/clients/${keep}?tab=related`)

    const relations = page.getByTestId('client-relations')
    await relations.getByTestId('client-relations-add').click()
    // The picker names clients in full, as the tab does.
    await searchAndChoose(page, page.getByTestId('input-related_client_id'), 'Julián', relatedName)
    await page.getByTestId('input-tags').fill('cónyuge')
    await page.getByTestId('save-button').click()
    // The related client's name arrives with the clients' labels, a moment after the row.
    const relation = relations.locator('tr', { hasText: 'cónyuge' }).filter({ hasText: 'Julián' })
    await relation.waitFor()
    const link = relation.locator(`a[data-relation-id="${related}"]`)
    assert.equal(await link.getAttribute('href'), `/admin/r/clients/${related}`)
    assert.equal(await link.innerText(), relatedName)

    await page.getByTestId('duplicates-button').click()
    const candidate = page.getByTestId('duplicate-candidate').filter({ hasText: `#${twin}` })
    await candidate.waitFor()
    assert.include(await candidate.innerText(), 'Mismo correo')
    await candidate.getByTestId('merge-start').click()
    const summary = await page.getByTestId('merge-summary').innerText()
    assert.include(summary, `Se conservará Ana Ríos (#${keep})`)
    assert.include(summary, `Ana María Ríos (#${twin}) se eliminará`)
    assert.isTrue(await page.getByTestId('merge-confirm').isDisabled())
    await keepScreenshot(page, 'client-merge')
    await page.getByTestId('merge-understood').check()
    await page.getByTestId('merge-confirm').click()
    await waitForNotice(page, 'Clientes fusionados')
    assert.equal((await page.request.get(`/api/r/clients/${twin}`)).status(), 404)
  })

  test('an SMS over 160 characters is blocked; a sent one shows in the log and dashboard', async ({
    assert,
  }) => {
    const { page } = ui
    const id = await seedClient({ first_name: 'Diego', primary_phone: uniquePhone() })
    await signInAs(page, 'admin', `/r/clients/${id}`)

    await page.getByTestId('marketing-sms').click()
    await waitForNotice(page, 'SMS: acepta comunicaciones')

    await page.getByTestId('notify-button').click()
    await page.getByTestId('notify-body').fill('x'.repeat(161))
    await page.getByTestId('notify-send').click()
    await page.locator('.ant-form-item-explain-error', { hasText: 'máximo 160' }).waitFor()
    await page.getByTestId('notify-body').fill('Su pago fue recibido. Gracias.')
    await page.getByTestId('notify-send').click()
    await waitForNotice(page, 'SMS enviado')

    await openTab(page, 'log')
    await page.getByTestId('log-action').filter({ hasText: 'SMS' }).waitFor()
    await openTab(page, 'dashboard')
    await page.getByTestId('dashboard-by-channel').locator('canvas').first().waitFor()
    assert.equal(
      await page.getByTestId('dashboard-total').locator('.ant-statistic-content').innerText(),
      '1'
    )
    await keepScreenshot(page, 'client-dashboard')

    await page.reload()
    await openTab(page, 'info')
    await page.getByTestId('marketing-sms').waitFor()
    assert.equal(await page.getByTestId('marketing-sms').getAttribute('aria-checked'), 'true')
  })

  test('the notify modal counts an SMS as carriers do, live, with its encoding', async ({
    assert,
  }) => {
    const { page } = ui
    const id = await seedClient({ first_name: 'Rocío', primary_phone: uniquePhone() })
    await signInAs(page, 'admin', `/r/clients/${id}`)
    await page.getByTestId('notify-button').click()
    const count = page.getByTestId('notify-sms-count')

    await page.getByTestId('notify-body').fill('Total: 10 €')
    await count.filter({ hasText: '12/160 · GSM-7' }).waitFor()
    await page.getByTestId('notify-body').fill(`Señor Muñoz ${'x'.repeat(57)} canción`)
    await count.filter({ hasText: '77/70 · UCS-2 (caracteres no GSM: ó)' }).waitFor()

    await page.getByTestId('notify-send').click()
    await page.locator('.ant-form-item-explain-error', { hasText: 'UCS-2' }).waitFor()
    assert.include(
      await page.locator('.ant-form-item-explain-error').innerText(),
      'Un SMS en UCS-2 admite como máximo 70 caracteres (este cuenta 77)'
    )
    assert.lengthOf(await db.from('client_messages').where('client_id', id), 0)
  })

  test('plugins add a badge, an action, a tab and a list column', async ({ assert }) => {
    const { page } = ui
    const id = await seedClient({ first_name: `Plugin${Date.now()}` })
    await signInAs(page, 'admin', `/r/clients/${id}`)
    await page.getByTestId('hello-badge').waitFor()
    await page.getByTestId('hello-action').waitFor()
    await page.getByTestId('client-tab-plugin-hello').click()
    assert.match(await page.getByTestId('hello-client-tab').innerText(), /^Hola, Plugin\d+$/)

    await page.goto('/admin/r/clients')
    await page.getByTestId('hello-column').first().waitFor()
    assert.include(await page.locator('.ant-table-thead').innerText(), 'Saludo')
  })

  test('the clients list pops a caller up by phone and narrows to my clients', async ({
    assert,
  }) => {
    const { page } = ui
    const phone = uniquePhone()
    const supervisorId = await demoUserId('supervisor')
    const mine = await seedClient({
      first_name: 'Mía',
      primary_phone: phone,
      assigned_user_id: supervisorId,
    })
    await seedClient({ first_name: 'Ajena', assigned_user_id: await demoUserId('agent') })
    await signInAs(page, 'supervisor', '/r/clients')

    await Promise.all([
      page.waitForResponse((response) => response.url().includes('assigned_user_id')),
      page.getByTestId('only-mine').click(),
    ])
    await page.locator('.ant-table-wrapper .ant-spin-blur').waitFor({ state: 'detached' })
    const assigned = await columnTexts(page, 'assigned_user_id')
    assert.isAbove(assigned.length, 0)
    assert.deepEqual([...new Set(assigned)], ['Sergio Supervisor'])

    // Spaces as a softphone may show them; the server normalizes to E.164.
    const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 6)} ${phone.slice(6)}`
    await page.getByTestId('caller-id-lookup').fill(spaced)
    await page.getByTestId('caller-id-lookup').press('Enter')
    await page.waitForURL(`**/admin/r/clients/${mine}`)
    await page.getByTestId('client-name').filter({ hasText: 'Mía' }).waitFor()

    await page.goto(`/admin/r/clients?phone=${encodeURIComponent(phone)}`)
    await page.waitForURL(`**/admin/r/clients/${mine}`)
  })

  test('a supervisor can neither reassign, delete nor merge a client', async ({ assert }) => {
    const { page } = ui
    const email = `sup${Date.now()}@example.com`
    const agentId = await demoUserId('agent')
    const id = await seedClient({ first_name: 'Carla', email, assigned_user_id: agentId })
    await seedClient({ first_name: 'Carla Copia', email })
    await signInAs(page, 'supervisor', `/r/clients/${id}`)

    await page.getByTestId('assigned-user-name').filter({ hasText: 'Andrea Agente' }).waitFor()
    assert.equal(await page.getByTestId('assigned-user-change').count(), 0)
    assert.equal(await page.getByTestId('delete-button').count(), 0)
    await page.getByTestId('duplicates-button').click()
    await page.getByTestId('duplicate-candidate').first().waitFor()
    assert.equal(await page.getByTestId('merge-start').count(), 0)
  })
  test("an agent's duplicates dialog does not name a client it cannot see, and says whom to ask", async ({
    assert,
  }) => {
    const { page } = ui
    const email = `oculto${Date.now()}@example.com`
    const mine = await seedClient({
      first_name: 'Propia',
      email,
      assigned_user_id: await demoUserId('agent'),
    })
    await seedClient({ first_name: 'Secreta', last_name: 'Ajena', email })
    await signInAs(page, 'agent', `/r/clients/${mine}`)

    await page.getByTestId('duplicates-button').click()
    const hint = page.getByTestId('duplicates-hidden')
    await hint.waitFor()
    assert.include(await hint.innerText(), 'supervisor')
    assert.equal(await page.getByTestId('duplicate-candidate').count(), 0)
    assert.notInclude(await page.getByTestId('duplicates-modal').innerText(), 'Secreta')
  })
})

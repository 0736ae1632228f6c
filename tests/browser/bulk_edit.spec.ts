import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import db from '@adonisjs/lucid/services/db'
import { signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import {
  chooseOption,
  columnTexts,
  fieldError,
  searchAndChoose,
  waitForNotice,
} from './support/antd_widgets.ts'
import { demoUserId, seedClient } from './support/client_fixtures.ts'
import { keepScreenshot } from './support/screenshots.ts'

/** A first name no other client of the run has, without digits (the search reads digits as a document). */
function uniqueFirstName() {
  const letters = String(Date.now())
    .split('')
    .map((digit) => 'abcdefghij'[Number(digit)])
    .join('')
  return `Lote${letters}`
}

/** Narrows the clients list to the test's own clients and waits until `count` rows show. */
async function showOnly(page: Page, firstName: string, count: number) {
  await page.getByTestId('resource-list').waitFor()
  await page.getByTestId('list-search').fill(firstName)
  await page.getByTestId('list-search').press('Enter')
  await page
    .getByTestId('list-total')
    .filter({ hasText: `${count} registros` })
    .waitFor()
}

/** Ticks the rows' checkboxes top to bottom (the bulk request sends the ids in that order). */
async function selectAllRows(page: Page) {
  const boxes = page.locator('.ant-table-tbody tr.ant-table-row .ant-checkbox-input')
  for (let row = 0; row < (await boxes.count()); row++) await boxes.nth(row).check()
}

/** Opens "Editar seleccionados", picks the field and reviews the sentence naming the change. */
async function reviewChange(page: Page, fieldLabel: string, chooseValue: () => Promise<void>) {
  await page.getByTestId('bulk-edit').click()
  await chooseOption(page, page.getByTestId('bulk-edit-field'), fieldLabel)
  await chooseValue()
  await page.getByTestId('bulk-edit-review').click()
  return page.getByTestId('bulk-edit-confirmation').locator('.ant-alert-message')
}

/** Waits until the refreshed list shows `text` in `count` cells. */
async function rowsShow(page: Page, text: string, count: number) {
  await page
    .locator('.ant-table-tbody')
    .getByText(text, { exact: true })
    .nth(count - 1)
    .waitFor()
}

async function applyChange(page: Page) {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().includes('/bulk-update')),
    page.getByTestId('bulk-edit-apply').click(),
  ])
  return response
}

async function storedClients(firstName: string) {
  return db
    .from('clients')
    .where('first_name', firstName)
    .orderBy('id')
    .select('status', 'assigned_user_id')
}

test.group('Bulk edit of a list ("Editar seleccionados")', (group) => {
  const ui = useAdminUi(group)

  test('a supervisor reassigns selected clients and changes their status', async ({ assert }) => {
    const { page } = ui
    const firstName = uniqueFirstName()
    const supervisorId = await demoUserId('supervisor')
    for (const lastName of ['Uno', 'Dos', 'Tres']) {
      await seedClient({
        first_name: firstName,
        last_name: lastName,
        assigned_user_id: supervisorId,
      })
    }
    await signInAs(page, 'supervisor', '/r/clients')
    await showOnly(page, firstName, 3)
    // Nothing selected, nothing to edit.
    assert.equal(await page.getByTestId('bulk-edit').count(), 0)

    await selectAllRows(page)
    assert.equal(await page.getByTestId('bulk-edit').innerText(), 'Editar 3 seleccionados')
    const statusSentence = await reviewChange(page, 'Estado', () =>
      chooseOption(page, page.getByTestId('input-status'), 'Contactado')
    )
    assert.equal(await statusSentence.innerText(), 'Cambiar Estado a «Contactado» en 3 clientes')
    await keepScreenshot(page, 'bulk-edit-confirmation')
    assert.equal((await applyChange(page)).status(), 200)
    await waitForNotice(page, '3 registros actualizados')
    await page.getByTestId('bulk-edit').waitFor({ state: 'detached' })
    await rowsShow(page, 'Contactado', 3)
    assert.deepEqual(await columnTexts(page, 'status'), ['Contactado', 'Contactado', 'Contactado'])
    assert.equal(await page.locator('.ant-table-tbody tr.ant-table-row-selected').count(), 0)

    // The same clients go to an agent in one go (C11: the supervisor is their assigned user).
    await selectAllRows(page)
    const agentSentence = await reviewChange(page, 'Usuario asignado', () =>
      searchAndChoose(page, page.getByTestId('input-assigned_user_id'), 'Andrea', 'Andrea Agente')
    )
    await agentSentence
      .filter({ hasText: 'Cambiar Usuario asignado a «Andrea Agente» en 3 clientes' })
      .waitFor()
    assert.equal((await applyChange(page)).status(), 200)
    await waitForNotice(page, '3 registros actualizados')
    await page.getByTestId('bulk-edit').waitFor({ state: 'detached' })
    await rowsShow(page, 'Andrea Agente', 3)
    assert.deepEqual(await columnTexts(page, 'assigned_user_id'), [
      'Andrea Agente',
      'Andrea Agente',
      'Andrea Agente',
    ])
    const agentId = await demoUserId('agent')
    assert.deepEqual(
      (await storedClients(firstName)).map((row) => [row.status, row.assigned_user_id]),
      [
        ['contacted', agentId],
        ['contacted', agentId],
        ['contacted', agentId],
      ]
    )
  })

  test("a refused bulk change shows the server's message and changes nothing", async ({
    assert,
  }) => {
    const { page } = ui
    const firstName = uniqueFirstName()
    const supervisorId = await demoUserId('supervisor')
    const agentId = await demoUserId('agent')
    // The agent's client is the oldest: listed last, so the request reaches it last, after the
    // supervisor's own clients were already changed inside the transaction.
    await seedClient({ first_name: firstName, last_name: 'Ajeno', assigned_user_id: agentId })
    await seedClient({ first_name: firstName, last_name: 'Propio', assigned_user_id: supervisorId })
    await seedClient({ first_name: firstName, last_name: 'Otro', assigned_user_id: supervisorId })
    const before = await storedClients(firstName)

    await signInAs(page, 'supervisor', '/r/clients')
    await showOnly(page, firstName, 3)
    await selectAllRows(page)
    await reviewChange(page, 'Usuario asignado', () =>
      searchAndChoose(page, page.getByTestId('input-assigned_user_id'), 'Alberto', 'Alberto Agente')
    )
    // C11: only an admin or the assigned user may reassign; one client is the agent's.
    const refused = await applyChange(page)
    assert.equal(refused.status(), 403)
    const { error } = await refused.json()
    await page.getByTestId('bulk-edit-error').filter({ hasText: error.message }).waitFor()
    await keepScreenshot(page, 'bulk-edit-refused')
    assert.deepEqual(await storedClients(firstName), before)

    // A value the engine rejects comes back under the input that holds it.
    await chooseOption(page, page.getByTestId('bulk-edit-field'), 'Teléfono principal')
    await page.getByTestId('input-primary_phone').fill('no es un teléfono')
    await page.getByTestId('bulk-edit-review').click()
    const invalid = await applyChange(page)
    assert.equal(invalid.status(), 422)
    const { error: invalidError } = await invalid.json()
    await fieldError(page, 'primary_phone')
      .filter({ hasText: invalidError.fields[0].message })
      .waitFor()
    assert.deepEqual(await storedClients(firstName), before)

    // Nothing changed on screen either, and the selection is still there to try again.
    await page.getByRole('button', { name: 'Cancelar' }).click()
    assert.equal(await page.locator('.ant-table-tbody tr.ant-table-row-selected').count(), 3)
    assert.deepEqual(await columnTexts(page, 'assigned_user_id'), [
      'Sergio Supervisor',
      'Sergio Supervisor',
      'Andrea Agente',
    ])
  })

  test('a user who may not update a resource gets neither selection nor bulk edit', async ({
    assert,
  }) => {
    const { page } = ui
    // Agents may list users but not change them.
    await signInAs(page, 'agent', '/r/users')
    await page.getByTestId('resource-list').waitFor()
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor()
    assert.equal(await page.locator('.ant-table-tbody .ant-checkbox-input').count(), 0)
    assert.equal(await page.getByTestId('bulk-edit').count(), 0)
  })
})

import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { Page } from 'playwright-core'
import db from '@adonisjs/lucid/services/db'
import { openConfirmation, signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { chooseOption } from './support/antd_widgets.ts'
import { keepScreenshot } from './support/screenshots.ts'

async function makeCampaign(label: string) {
  const name = `${label} ${Date.now()}`
  const [id] = await db.table('campaigns').insert({
    name,
    type: 'outbound_dialer',
    active: 1,
    created_at: DateTime.utc().toSQL({ includeOffset: false }),
  })
  return { id: Number(id), name }
}

async function insertVariable(page: Page, name: string) {
  await page.getByTestId('insert-variable').click()
  await page.getByTestId(`variable-${name}`).click()
}

/** Lets a modal or drawer finish opening before a picture is taken of it. */
async function settle(page: Page) {
  await page.waitForTimeout(500)
}

/** The saved script's text and version, as the server keeps them. */
async function savedScript(campaignId: number) {
  return db.from('speech_scripts').where('campaign_id', campaignId).first()
}

test.group('Speech screens (S1–S4)', (group) => {
  const ui = useAdminUi(group)

  test('a supervisor writes a script with variables; an unknown one is flagged, never removed', async ({
    assert,
  }) => {
    const { page } = ui
    const campaign = await makeCampaign('Bienvenida marcador')
    await signInAs(page, 'supervisor', '/speech')
    await page.getByTestId('new-script').click()
    await page.waitForURL('**/admin/speech/new')
    await chooseOption(page, page.getByTestId('script-campaign'), campaign.name)
    await page.getByTestId('script-title').fill('Saludo inicial')

    // Heading, text, variables from the menu, a bold word, and a token the campaign lacks.
    const editor = page.getByTestId('script-editor').locator('.ProseMirror')
    await editor.click()
    await chooseOption(page, page.getByTestId('tool-heading'), 'Título 2')
    await editor.locator('h2').click()
    await page.keyboard.type('Bienvenida')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Buenos días ')
    await insertVariable(page, 'client.first_name')
    await page.keyboard.type(', le saluda ')
    await insertVariable(page, 'agent.name')
    await page.keyboard.press('Enter')
    await page.getByTestId('tool-bold').click()
    await page.keyboard.type('Importante')
    await page.getByTestId('tool-bold').click()
    await page.keyboard.type(': su apodo es {{cliente.apodo}}')

    // The warning appearing leaves the editor as it was: cursor in the last paragraph.
    assert.equal(await page.getByTestId('tool-heading').innerText(), 'Párrafo')
    const unknown = page.getByTestId('unknown-variables')
    await unknown.getByText('{{cliente.apodo}}', { exact: true }).waitFor()
    assert.equal(await page.getByTestId('unknown-variable').count(), 1)
    assert.equal(await editor.locator('.speech-token-unknown').innerText(), '{{cliente.apodo}}')
    assert.equal(await editor.locator('.speech-token:not(.speech-token-unknown)').count(), 2)
    await keepScreenshot(page, 'speech-editor-unknown-variable')

    await page.getByTestId('script-save').click()
    await page.waitForURL(/\/admin\/speech\/\d+$/)
    await page.getByTestId('script-version').filter({ hasText: 'Versión 1' }).waitFor()
    const first = await savedScript(campaign.id)
    assert.include(first.html, '<h2>Bienvenida</h2>')
    assert.include(first.html, '{{client.first_name}}')
    assert.include(first.html, '<strong>Importante</strong>')
    assert.include(first.html, '{{cliente.apodo}}')
    // The server agrees the token is unknown, and the warning stays after loading.
    await unknown.getByText('{{cliente.apodo}}', { exact: true }).waitFor()

    // The preview shows variables by label and the unknown one marked.
    await page.getByTestId('script-preview').click()
    const preview = page.getByTestId('preview-draft')
    await preview.locator('span[data-variable="sample"]', { hasText: '[Nombres]' }).waitFor()
    assert.equal(
      await preview.locator('span[data-variable="unknown"]').innerText(),
      '{{cliente.apodo}}'
    )
    await settle(page)
    await keepScreenshot(page, 'speech-preview')
    await page.locator('.ant-modal-close').click()
    await preview.waitFor({ state: 'detached' })
  })

  test('a supervisor restores an earlier version and deletes the script after confirming', async ({
    assert,
  }) => {
    const { page } = ui
    const campaign = await makeCampaign('Historial marcador')
    await signInAs(page, 'supervisor', `/speech/new?campaign=${campaign.id}`)
    await page.getByTestId('script-title').fill('Guion v1')
    const editor = page.getByTestId('script-editor').locator('.ProseMirror')
    await editor.click()
    await page.keyboard.type('Primera versión.')
    await page.getByTestId('script-save').click()
    await page.getByTestId('script-version').filter({ hasText: 'Versión 1' }).waitFor()

    await editor.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Segunda versión.')
    await page.getByTestId('script-save').click()
    await page.getByTestId('script-version').filter({ hasText: 'Versión 2' }).waitFor()

    // History: version 1 comes back as version 3 (S4).
    await page.getByTestId('script-history').click()
    await page.getByTestId('version-1').waitFor()
    await settle(page)
    await keepScreenshot(page, 'speech-history')
    await page.getByTestId('restore-version-1').click()
    await openConfirmation(page).getByRole('button', { name: 'Restaurar' }).click()
    await page.getByTestId('script-version').filter({ hasText: 'Versión 3' }).waitFor()
    assert.equal(await editor.innerText(), 'Primera versión.')
    const restored = await savedScript(campaign.id)
    assert.equal(restored.version, 3)
    assert.notInclude(restored.html, 'Segunda')

    // Delete, after the question.
    await page.getByTestId('script-delete').click()
    await openConfirmation(page).getByRole('button', { name: 'Eliminar' }).click()
    await page.waitForURL('**/admin/speech')
    await page.getByTestId('speech-scripts').waitFor()
    assert.notExists(await savedScript(campaign.id))
  })
})

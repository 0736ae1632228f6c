import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { Locator, Page } from 'playwright-core'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { makeClient } from '#tests/helpers/clients'
import { readFile } from 'node:fs/promises'
import { openMenuEntry, openConfirmation, signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { chooseOption, openDropdown } from './support/antd_widgets.ts'
import { demoUser } from './support/demo_users.ts'
import { keepScreenshot } from './support/screenshots.ts'
import { insertResult, makeCampaign } from './support/tip_fixtures.ts'

const NOW = () => DateTime.utc().toSQL({ includeOffset: false })!

/** The tree table's row showing `name` (rows carry only their own result's name). */
function resultRow(page: Page, name: string) {
  return page
    .getByTestId('result-tree')
    .locator('tr.ant-table-row')
    .filter({ has: page.getByText(name, { exact: true }) })
}

async function resultId(row: Locator) {
  return Number(await row.getAttribute('data-row-key'))
}

/** Adds one option to a multiple Select, then closes its menu (it stays open while picking). */
async function addOption(page: Page, select: Locator, label: string, closeOn: Locator) {
  await select.click()
  // typed first: the menu is a virtual list that draws only the options in view
  await page.keyboard.type(label)
  await openDropdown(page).locator('.ant-select-item-option').filter({ hasText: label }).click()
  await closeOn.click()
  await openDropdown(page).waitFor({ state: 'hidden' })
}

/** Fills the open result form: name, then either an action or "allows scheduling". */
async function fillResultForm(page: Page, name: string, behaviour: { action?: string }) {
  const form = page.getByTestId('result-form')
  await form.getByTestId('result-name').fill(name)
  if (behaviour.action) {
    await chooseOption(page, form.getByTestId('result-action'), behaviour.action)
  } else {
    await form.getByText('Permite agendar', { exact: true }).click()
    // One behaviour at a time (T2): the action select leaves the form.
    await form.getByTestId('result-action').waitFor({ state: 'detached' })
  }
}

async function saveResultForm(page: Page) {
  await page.getByTestId('result-save').click()
  await page.getByTestId('result-form').waitFor({ state: 'detached' })
}

test.group('Tipificaciones screens (T1–T9)', (group) => {
  const ui = useAdminUi(group)

  test('a supervisor builds a three-level result tree for a dialer campaign', async ({
    assert,
  }) => {
    const { page } = ui
    const dialer = await makeCampaign('Cobranzas marcador', 'outbound_dialer')
    const voice = await makeCampaign('Cobranzas entrante', 'inbound_voice')
    const voiceName = voice.name
    await signInAs(page, 'supervisor', `/tipificaciones?campaign=${dialer.id}`)
    await page.getByTestId('tipificaciones-results').waitFor()

    // A level-1 result with an action for the dialer and a voice campaign: the voice campaign
    // ignores actions, so the supervisor is asked before anything is created (T5). ("Sin
    // acción", the default, does nothing anywhere: it asks nothing.)
    await page.getByTestId('results-new').click()
    await fillResultForm(page, 'Contactado', { action: 'No volver a llamar' })
    await addOption(
      page,
      page.getByTestId('result-campaigns'),
      `${voiceName} · Voz entrante`,
      page.locator('.ant-modal-title')
    )
    await page.locator('.ant-alert-warning', { hasText: voiceName }).waitFor()
    await page.getByTestId('result-save').click()
    const confirm = page.getByTestId('voice-confirm')
    await confirm.waitFor()
    await keepScreenshot(page, 'tipificaciones-voice-warning')
    await confirm.click()
    await page.getByTestId('result-form').waitFor({ state: 'detached' })
    const contacted = resultRow(page, 'Contactado')
    await contacted.waitFor()

    // Level 2 under it, level 3 under that; the third level takes no children (T1).
    await page.getByTestId(`result-add-child-${await resultId(contacted)}`).click()
    await fillResultForm(page, 'Promesa de pago', { action: 'Rellamar' })
    await page.getByTestId('result-delete-scheduled').click()
    await page.getByTestId('result-measure').fill('5')
    await saveResultForm(page)
    const promise = resultRow(page, 'Promesa de pago')
    await promise.waitFor()

    await page.getByTestId(`result-add-child-${await resultId(promise)}`).click()
    await fillResultForm(page, 'Pago total', {})
    await page.getByTestId('result-measure').fill('10')
    await saveResultForm(page)
    const paid = resultRow(page, 'Pago total')
    await paid.waitFor()
    const paidId = await resultId(paid)
    assert.equal(await page.getByTestId(`result-add-child-${paidId}`).count(), 0)
    assert.include(await paid.innerText(), 'Permite agendar')
    assert.include(await promise.innerText(), 'Borra agendados')

    // Editing switches a result from an action to scheduling; the action is cleared.
    await page.getByTestId(`result-edit-${await resultId(promise)}`).click()
    await page.getByTestId('result-form').getByText('Permite agendar', { exact: true }).click()
    await saveResultForm(page)
    await promise.filter({ hasText: 'Permite agendar' }).waitFor()

    // A throwaway result is deleted after a confirmation.
    await page.getByTestId('results-new').click()
    await fillResultForm(page, 'Temporal', { action: 'No volver a llamar' })
    await saveResultForm(page)
    const temporary = resultRow(page, 'Temporal')
    await page.getByTestId(`result-delete-${await resultId(temporary)}`).click()
    await openConfirmation(page).getByRole('button', { name: 'Eliminar' }).click()
    await temporary.waitFor({ state: 'detached' })
    await keepScreenshot(page, 'tipificaciones-tree')

    const rows = await db
      .from('tip_results')
      .where('campaign_id', dialer.id)
      .orderBy('level')
      .select('name', 'level', 'action', 'allows_scheduling', 'delete_scheduled')
    assert.deepEqual(
      rows.map((row) => [row.name, row.level, row.action, Boolean(Number(row.allows_scheduling))]),
      [
        ['Contactado', 1, 'do_not_call', false],
        ['Promesa de pago', 2, null, true],
        ['Pago total', 3, null, true],
      ]
    )
    const copied = await db.from('tip_results').where('campaign_id', voice.id).select('name')
    assert.deepEqual(
      copied.map((row) => row.name),
      ['Contactado']
    )
  })

  test('a CSV import with bad rows shows the per-row report and imports nothing', async ({
    assert,
  }) => {
    const { page } = ui
    const dialer = await makeCampaign('Ventas marcador', 'outbound_dialer')
    await signInAs(page, 'supervisor', `/tipificaciones?campaign=${dialer.id}`)
    await page.getByTestId('results-import').click()
    assert.include(
      (await page.getByTestId('import-template').getAttribute('href')) ?? '',
      '/api/p/tipificaciones/results/template.csv'
    )
    const csv = [
      'level1,level2,level3,action,allows_scheduling,delete_scheduled,gamification_measure',
      'Contactado,Venta,,no_action,false,false,3',
      ',Sin nivel 1,,recall,false,false,',
      'No contesta,,,recall,true,false,',
    ].join('\n')
    await page
      .locator('.ant-modal input[type=file]')
      .setInputFiles({ name: 'resultados.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.getByTestId('import-submit').click()
    const report = page.getByTestId('import-row-errors')
    await report.waitFor()
    await keepScreenshot(page, 'tipificaciones-import-errors')
    const lines = await report.locator('tbody tr.ant-table-row').allInnerTexts()
    assert.lengthOf(lines, 2)
    assert.match(lines[0], /^3\s+level1/)
    assert.match(lines[1], /^4\s+action/)
    const [count] = await db.from('tip_results').where('campaign_id', dialer.id).count('* as n')
    assert.equal(Number(count.n), 0)

    // The corrected file goes in.
    const fixed = csv.split('\n').filter((_, index) => index !== 2 && index !== 3)
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: 'resultados.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(fixed.join('\n')),
    })
    await page.getByTestId('import-submit').click()
    await resultRow(page, 'Venta').waitFor()
  })

  test('an agent reads the filled script and records a gestión with a callback for itself', async ({
    assert,
  }) => {
    const { page } = ui
    const agent = await User.findByOrFail('email', demoUser('agent').email)
    const dialer = await makeCampaign('Retención marcador', 'outbound_dialer')
    const dialerName = dialer.name
    await db.table('campaign_agents').insert({
      campaign_id: dialer.id,
      user_id: agent.id,
      created_at: NOW(),
    })
    const clientId = await makeClient({
      first_name: 'Lucía',
      last_name: 'Cano',
      primary_phone: '+573001112233',
      campaign_id: dialer.id,
      assigned_user_id: agent.id,
    })
    const contacted = await insertResult(dialer.id, null, 1, 'Contactado', { action: 'no_action' })
    const promise = await insertResult(dialer.id, contacted, 2, 'Promesa de pago', {
      action: 'no_action',
    })
    await insertResult(dialer.id, promise, 3, 'Pago parcial', { allowsScheduling: true })
    await insertResult(dialer.id, null, 1, 'No contesta', { action: 'recall' })
    await db.table('speech_scripts').insert({
      campaign_id: dialer.id,
      title: 'Bienvenida',
      html: '<p>Hola <strong>{{client.first_name}}</strong>, le habla {{agent.name}}.</p><p>Correo: {{client.email}} {{cliente.apodo}}</p>',
      version: 1,
      created_at: NOW(),
      updated_at: NOW(),
    })

    // The script, filled for the client on screen (S2, S3).
    await signInAs(page, 'agent', `/r/clients/${clientId}`)
    await page.getByTestId('client-tab-plugin-speech').click()
    const script = page.getByTestId('speech-script')
    await script.waitFor()
    assert.include(await script.innerText(), `Hola Lucía, le habla ${agent.fullName}.`)
    assert.equal(
      await script.locator('span[data-variable="unknown"]').innerText(),
      '{{cliente.apodo}}'
    )
    await keepScreenshot(page, 'speech-agent-tab')

    // The gestión, in the Info tab beside the client's data: Contactado > Promesa de pago >
    // Pago parcial, callback "Para mí" (T6).
    await page.getByTestId('client-tab-info').click()
    const form = page.getByTestId('gestion-form')
    await form.waitFor()
    assert.include(await form.getByTestId('gestion-campaign').innerText(), dialerName)
    await chooseOption(page, form.getByTestId('gestion-level1'), 'Contactado')
    await chooseOption(page, form.getByTestId('gestion-level2'), 'Promesa de pago')
    assert.equal(await form.getByTestId('gestion-callback').count(), 0)
    await chooseOption(page, form.getByTestId('gestion-level3'), 'Pago parcial')
    await form.getByTestId('gestion-notes').fill('Paga la mitad el viernes')
    const callback = DateTime.now().plus({ days: 3 }).set({ hour: 10, minute: 30 })
    await form.getByTestId('gestion-callback').click()
    // the picker starts on the next calling-hours slot: replace it
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type(callback.toFormat('dd/LL/yyyy HH:mm'))
    await page.keyboard.press('Enter')
    await form.getByTestId('gestion-alternate-phone').fill('+573009998877')
    await form.getByTestId('gestion-for-me').check()
    await keepScreenshot(page, 'tipificaciones-gestion-form')
    await form.getByTestId('gestion-save').click()

    const history = page.getByTestId('gestion-history')
    const recorded = history.locator('tr.ant-table-row', {
      hasText: 'Contactado > Promesa de pago > Pago parcial',
    })
    await recorded.waitFor()
    assert.include(await recorded.innerText(), 'Paga la mitad el viernes')
    assert.include(await recorded.innerText(), callback.toFormat('dd/LL/yyyy'))
    assert.include(await recorded.innerText(), 'Para mí')
    const pending = page.getByTestId('my-callbacks').locator('tr.ant-table-row', {
      hasText: 'Lucía Cano',
    })
    await pending.waitFor()
    assert.include(await pending.innerText(), '+573009998877')
    await keepScreenshot(page, 'tipificaciones-gestion-saved')

    // The script also opens beside the form, without leaving the Gestión tab (S3).
    await page.getByTestId('speech-open-drawer').click()
    const drawer = page.locator('.ant-drawer-content')
    await drawer.getByTestId('speech-script').getByText('Lucía').waitFor()
    assert.isTrue(await page.getByTestId('gestion-form').isVisible())
    await keepScreenshot(page, 'speech-drawer-beside-gestion')
    await drawer.locator('.ant-drawer-close').click()
    await drawer.waitFor({ state: 'hidden' })

    const [saved] = await db.from('tip_callbacks').where('client_id', clientId)
    assert.equal(saved.user_id, agent.id)
    assert.equal(saved.status, 'pending')

    // The agent's statistics count it (T8).
    await page.goto('/admin/tipificaciones/estadisticas')
    await chooseOption(page, page.getByTestId('stats-campaign'), `${dialerName} · Marcador`)
    await page.getByTestId('stats-total-gestiones').filter({ hasText: /^1$/ }).waitFor()
    assert.equal(await page.getByTestId('stats-agent').count(), 0)
    await page
      .getByTestId('stats-by-result-legend')
      .getByText('Contactado > Promesa de pago > Pago parcial: 1')
      .waitFor()
    await page.getByTestId('stats-clients-legend').getByText('Gestionados: 1').waitFor()
    await page.getByTestId('stats-by-result').locator('canvas').first().waitFor()
    await keepScreenshot(page, 'tipificaciones-stats')

    // The plugin's texts follow the language switch (K12).
    await page.getByTestId('language-en').click()
    await page.getByText('Results of the gestiones', { exact: true }).waitFor()
    await page.getByTestId('stats-clients-legend').getByText('Managed: 1').waitFor()
    await page.getByTestId('language-es').click()
    await page.getByText('Resultados de las gestiones', { exact: true }).waitFor()

    // "Quitar" takes the callback off the agent's list (T7).
    await page.goto(`/admin/r/clients/${clientId}`)
    await page.getByTestId(`callback-remove-${saved.id}`).click()
    await openConfirmation(page).getByRole('button', { name: 'Quitar' }).click()
    await page.getByTestId(`callback-remove-${saved.id}`).waitFor({ state: 'detached' })
    const [removed] = await db.from('tip_callbacks').where('id', saved.id)
    assert.equal(removed.status, 'removed')
  })

  test("a supervisor finds the gestiones in the generic list and exports them; an agent sees its clients'", async ({
    assert,
  }) => {
    const { page } = ui
    const agent = await User.findByOrFail('email', demoUser('agent').email)
    const supervisor = await User.findByOrFail('email', demoUser('supervisor').email)
    const campaign = await makeCampaign('Gestiones genéricas', 'outbound_dialer')
    const clientId = await makeClient({
      first_name: 'Berta',
      campaign_id: campaign.id,
      assigned_user_id: agent.id,
    })
    const otherClientId = await makeClient({ first_name: 'Otilia', campaign_id: campaign.id })
    const marker = `Promesa ${Date.now()}`
    for (const [userId, path, client] of [
      [agent.id, `${marker} del agente`, clientId],
      [supervisor.id, `${marker} del supervisor`, clientId],
      [agent.id, `${marker} de otro cliente`, otherClientId],
    ] as const) {
      await db.table('tip_gestiones').insert({
        client_id: client,
        campaign_id: campaign.id,
        user_id: userId,
        result_id: 1,
        level1_id: 1,
        result_path: path,
        for_me: 0,
        created_at: NOW(),
      })
    }

    // No admin code: the declared resource brings its menu entry, list and export (issue 13).
    await signInAs(page, 'supervisor')
    await openMenuEntry(page, 'Estadísticas', 'Gestiones')
    await page.waitForURL('**/admin/r/tip_gestiones')
    const rows = page.locator('tr.ant-table-row', { hasText: marker })
    await rows.filter({ hasText: 'del agente' }).waitFor()
    await rows.filter({ hasText: 'del supervisor' }).waitFor()
    await rows.filter({ hasText: 'de otro cliente' }).waitFor()
    await keepScreenshot(page, 'tipificaciones-gestiones-list')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ])
    const csv = await readFile((await download.path())!, 'utf8')
    assert.include(csv, `${marker} del agente`)
    assert.include(csv, `${marker} del supervisor`)

    // The agent's list holds the gestiones of the clients it sees, whoever recorded them, and
    // offers no export.
    await ui.context.clearCookies()
    await signInAs(page, 'agent', '/r/tip_gestiones')
    await rows.filter({ hasText: 'del agente' }).waitFor()
    await rows.filter({ hasText: 'del supervisor' }).waitFor()
    assert.equal(await rows.filter({ hasText: 'de otro cliente' }).count(), 0)
    assert.equal(await page.getByTestId('export-csv').count(), 0)
  })
})

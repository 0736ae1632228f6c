import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import plugins from '#services/plugins'
import { SYSTEM_ACTOR } from '#services/audit_log'
import { makeClient } from '#tests/helpers/clients'
import { signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { chooseOption, openDropdown } from './support/antd_widgets.ts'
import { demoUser } from './support/demo_users.ts'
import { keepScreenshot } from './support/screenshots.ts'
import { insertResult, makeCampaign } from './support/tip_fixtures.ts'

const NOW = () => DateTime.utc().toSQL({ includeOffset: false })!

/**
 * Issue 20 items 4–9 on screen: the gestión beside the client's data in the Info tab, levels the
 * agent may stop at, the callback's default slot, refused and missing clients, a client list
 * that fits 1440 px, numbers in Spanish.
 */
test.group('The agent’s call: gestión in Info, feedback and fit (issue 20)', (group) => {
  const ui = useAdminUi(group)

  test('the agent records a level-2 "No contesta" with Rellamar in the Info tab', async ({
    assert,
  }) => {
    const { page } = ui
    const agent = await User.findByOrFail('email', demoUser('agent').email)
    const mine = await makeCampaign('Cobranzas propia', 'outbound_dialer')
    const foreign = await makeCampaign('Cobranzas ajena', 'outbound_dialer')
    await db
      .table('campaign_agents')
      .insert({ campaign_id: mine.id, user_id: agent.id, created_at: NOW() })
    const notReached = await insertResult(mine.id, null, 1, 'No contactado', {
      action: 'no_action',
    })
    const noAnswer = await insertResult(mine.id, notReached, 2, 'No contesta', {
      action: 'recall',
    })
    await insertResult(mine.id, noAnswer, 3, 'Buzón de voz', { action: 'recall_alternate' })
    await insertResult(mine.id, notReached, 2, 'Volver a intentar', { allowsScheduling: true })
    const clientId = await makeClient({
      first_name: 'Ramiro',
      last_name: 'Vidal',
      campaign_id: mine.id,
      assigned_user_id: agent.id,
    })

    await signInAs(page, 'agent', `/r/clients/${clientId}`)
    // Info is the tab the client opens on; the form is beside the client's data there
    const info = page.getByTestId('client-info-plugins')
    const form = info.getByTestId('gestion-form')
    await form.waitFor()
    assert.isTrue(await page.getByTestId('record-form-clients').isVisible())
    assert.equal(await page.getByTestId('client-tab-plugin-tipificaciones').count(), 0)
    assert.include(await form.getByTestId('gestion-campaign').innerText(), mine.name)

    // only the agent's own campaigns are offered
    await form.getByTestId('gestion-campaign').click()
    const offered = await openDropdown(page).locator('.ant-select-item-option').allInnerTexts()
    assert.isTrue(offered.some((text) => text.includes(mine.name)))
    assert.isFalse(offered.some((text) => text.includes(foreign.name)))
    await page.keyboard.press('Escape')
    await openDropdown(page).waitFor({ state: 'hidden' })

    // a result that allows scheduling starts on the next calling-hours slot, not 00:00
    await chooseOption(page, form.getByTestId('gestion-level1'), 'No contactado')
    await chooseOption(page, form.getByTestId('gestion-level2'), 'Volver a intentar')
    const picker = form.locator('.ant-picker input').first()
    const suggested = await picker.inputValue()
    const [, hour, minute] = /(\d{2}):(\d{2})$/.exec(suggested) ?? []
    assert.equal(minute, '00', suggested)
    assert.isAtLeast(Number(hour), 8)
    assert.isAtMost(Number(hour), 20)

    // level 2 with children: the agent stops there and its action (Rellamar) applies
    await chooseOption(page, form.getByTestId('gestion-level2'), 'No contesta')
    assert.equal(await form.getByTestId('gestion-callback').count(), 0)
    await form.getByTestId('gestion-level3').waitFor()
    assert.include(await form.getByTestId('gestion-action').innerText(), 'Rellamar')
    await keepScreenshot(page, 'gestion-info-level2')
    await form.getByTestId('gestion-save').click()

    await page
      .getByTestId('gestion-history')
      .locator('tr.ant-table-row', { hasText: 'No contactado > No contesta' })
      .waitFor()
    const [saved] = await db.from('tip_gestiones').where('client_id', clientId)
    assert.equal(Number(saved.result_id), noAnswer)
    assert.isNull(saved.level3_id)
    assert.equal(saved.result_path, 'No contactado > No contesta')
    await keepScreenshot(page, 'gestion-info-saved')
  })

  test('a client the agent may not see is "sin acceso"; a missing one "no existe"', async ({
    assert,
  }) => {
    const { page } = ui
    const theirs = await makeClient({ first_name: 'Ajeno', assigned_user_id: null })
    const requests: string[] = []
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname
      if (path.startsWith('/api/r/clients/')) requests.push(path)
    })

    await signInAs(page, 'agent', `/r/clients/${theirs}`)
    await page.getByTestId('forbidden-page').waitFor()
    assert.equal(await page.getByTestId('client-page').count(), 0)
    await keepScreenshot(page, 'client-sin-acceso')
    // a refusal is final: asked once, not retried behind a skeleton
    await page.waitForTimeout(1500)
    assert.deepEqual(
      requests.filter((path) => path === `/api/r/clients/${theirs}`),
      [`/api/r/clients/${theirs}`]
    )

    const missing = theirs + 1_000_000
    await page.goto(`/admin/r/clients/${missing}`)
    await page.getByTestId('not-found-page').waitFor()
    await page.waitForTimeout(1500)
    assert.lengthOf(
      requests.filter((path) => path === `/api/r/clients/${missing}`),
      1
    )
  })

  test('the client list fits 1440 px with País, Estado, Campaña and Usuario asignado', async ({
    assert,
    cleanup,
  }) => {
    const { page } = ui
    const campaign = await makeCampaign('Campaña de nombre bastante largo', 'outbound_dialer')
    // long values on both roles' lists: the agent reads only its own clients
    for (const role of ['supervisor', 'agent'] as const) {
      const owner = await User.findByOrFail('email', demoUser(role).email)
      await makeClient({
        first_name: 'Maximiliano Alejandro',
        last_name: 'Villanueva de la Concepción',
        document: '1234567890-K',
        primary_phone: `+57300${String(Date.now()).slice(-7)}`,
        country: 'CO',
        email: `un.correo.muy.largo.${role}.${Date.now()}@dominio-de-empresa.test`,
        campaign_id: campaign.id,
        assigned_user_id: owner.id,
      })
    }
    // long unbroken values too (a name typed run together, a code): they wrap rather than scroll
    const supervisorUser = await User.findByOrFail('email', demoUser('supervisor').email)
    await makeClient({
      first_name: 'Plugin1795952042067',
      last_name: 'Ríos1795952019522Lotebhjfjfbjgjgfa',
      campaign_id: campaign.id,
      assigned_user_id: supervisorUser.id,
    })
    // The fixture plugins add test-only columns; the product's own plugins stay on.
    await plugins.refresh(true)
    const fixtures = ['greeter-extra', 'hello', 'recordatorios'].filter((name) =>
      plugins.isEnabled(name)
    )
    for (const name of fixtures) await plugins.disable(name, SYSTEM_ACTOR)
    cleanup(async () => {
      for (const name of [...fixtures].reverse()) await plugins.enable(name, SYSTEM_ACTOR)
    })
    await page.setViewportSize({ width: 1440, height: 900 })
    for (const role of ['supervisor', 'agent'] as const) {
      await signInAs(page, role, '/r/clients')
      const table = page.locator('.ant-table').first()
      await table.locator('tr.ant-table-row').first().waitFor()
      const headers = await table.locator('thead th').allInnerTexts()
      for (const title of ['País', 'Estado', 'Campaña', 'Usuario asignado']) {
        assert.isTrue(
          headers.some((header) => header.trim() === title),
          `${role}: ${title} in ${headers}`
        )
      }
      const fit = await page.evaluate(() => {
        interface Box {
          scrollWidth: number
          clientWidth: number
        }
        const doc = (globalThis as unknown as { document: any }).document
        const boxes: Box[] = [
          ...doc.querySelectorAll('.ant-table-content, .ant-table-body'),
          doc.scrollingElement,
        ]
        return boxes.map((box) => ({ scroll: box.scrollWidth, client: box.clientWidth }))
      })
      for (const box of fit)
        assert.isAtMost(box.scroll, box.client, `${role}: ${JSON.stringify(fit)}`)
      await keepScreenshot(page, `client-list-1440-${role}`)
      await page.getByTestId('logout').click()
      await page.getByTestId('login-email').waitFor()
    }
  })

  test('numbers are written in Spanish: 2.049, not 2,049', async ({ assert }) => {
    const { page } = ui
    const clientId = await makeClient({ first_name: 'Contado' })
    const rows = Array.from({ length: 2049 }, (_, index) => ({
      client_id: clientId,
      channel: index % 2 ? 'voice' : 'sms',
      direction: 'out',
      source: 'test',
      occurred_at: NOW(),
    }))
    for (let start = 0; start < rows.length; start += 400) {
      await db.table('client_interactions').multiInsert(rows.slice(start, start + 400))
    }
    await signInAs(page, 'supervisor', `/r/clients/${clientId}?tab=dashboard`)
    const total = page.getByTestId('dashboard-total')
    await total.getByText('2.049').waitFor()
    assert.notInclude(await total.innerText(), '2,049')

    // the English interface writes it the English way
    await page.getByTestId('language-en').click()
    await total.getByText('2,049').waitFor()
    await page.getByTestId('language-es').click()
    await total.getByText('2.049').waitFor()
  })
})

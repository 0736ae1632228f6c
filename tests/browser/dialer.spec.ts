import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { toSqlDateTime } from '#services/audit_log'
import transmit from '@adonisjs/transmit/services/main'
import type { Page } from 'playwright-core'
import {
  documentIsMarked,
  markDocument,
  openMenuEntry,
  signInAs,
  signInThroughForm,
} from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { appUrl } from './support/app_url.ts'
import { chooseOption } from './support/antd_widgets.ts'
import { demoUserId, seedClient } from './support/client_fixtures.ts'
import { demoUser } from './support/demo_users.ts'
import { DEMO_USERS } from '#database/demo_users'
import { keepScreenshot } from './support/screenshots.ts'
import { insertResult } from './support/tip_fixtures.ts'

/**
 * The simulated platform (the default adapter) answering every call, quickly: deterministic.
 * The server runs in this process and builds its adapter on first use, from these settings:
 * every test of this file that dials sets the same ones, so whichever runs first builds it.
 */
async function answeringPlatform(cleanup: (handler: () => Promise<void>) => void) {
  const saved = { ...process.env }
  Object.assign(process.env, {
    DIALER_SIM_ANSWER_RATE: '1',
    DIALER_SIM_MACHINE_RATE: '0',
    DIALER_SIM_BUSY_RATE: '0',
    DIALER_SIM_DELAY_MS: '50',
    DIALER_PACER_TICK_MS: '100',
  })
  cleanup(async () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
  })
}

/**
 * A progressive dialer campaign open all day with these agents on it, who start the test with
 * no dialer state (a contact an earlier test left with them is not this test's) and leave the
 * floor after it (the campaign's pacer idles out and stops).
 */
async function progressiveCampaign(
  name: string,
  agentIds: number[],
  cleanup: (handler: () => Promise<void>) => void
) {
  const now = toSqlDateTime(DateTime.utc())
  const [campaignId] = await db
    .table('campaigns')
    .insert({ name, type: 'outbound_dialer', active: 1, created_at: now })
  for (const userId of agentIds) {
    await db
      .table('campaign_agents')
      .insert({ campaign_id: campaignId, user_id: userId, created_at: now })
  }
  await db.from('dialer_agent_states').whereIn('user_id', agentIds).delete()
  cleanup(async () => {
    await db
      .from('dialer_agent_states')
      .whereIn('user_id', agentIds)
      .update({ state: 'paused', pause_reason: 'fin de la prueba', contact_id: null })
  })
  await db.table('dialer_settings').insert({
    campaign_id: campaignId,
    call_start: '00:00',
    call_end: '23:59',
    dial_mode: 'progressive',
    created_at: now,
  })
  return Number(campaignId)
}

test.group('Marcador screens (D3, D4)', (group) => {
  const ui = useAdminUi(group)

  test('a supervisor builds a list from the Asignaciones filter; an agent presses Siguiente contacto and lands on the client', async ({
    assert,
    cleanup,
  }) => {
    // Siguiente contacto and Llamar dial on the platform: the client answers, the agent talks
    await answeringPlatform(cleanup)
    const { page } = ui
    const stamp = `${Date.now()}`
    const name = `Marcador ${stamp}`
    const now = toSqlDateTime(DateTime.utc())
    const [campaignId] = await db
      .table('campaigns')
      .insert({ name, type: 'outbound_dialer', active: 1, created_at: now })
    const agentId = await demoUserId('agent')
    await db
      .table('campaign_agents')
      .insert({ campaign_id: campaignId, user_id: agentId, created_at: now })
    // open all day: the test must not depend on the hour it runs at
    await db.table('dialer_settings').insert({
      campaign_id: campaignId,
      call_start: '00:00',
      call_end: '23:59',
      created_at: now,
    })
    const marker = `Marcar${stamp}`
    for (let index = 0; index < 4; index++) {
      await seedClient({
        first_name: `Cliente${index}`,
        last_name: marker,
        campaign_id: Number(campaignId),
        assigned_user_id: agentId,
        primary_phone: `+5730050${String(10_000 + index).slice(-5)}`,
      })
    }
    await seedClient({
      first_name: 'Fuera',
      last_name: `Otro${stamp}`,
      campaign_id: Number(campaignId),
    })

    // Asignaciones: the campaign and "Apellidos contiene …", then "Ir a Marcador".
    await signInAs(page, 'supervisor', '/assignments')
    await page.getByTestId('assignments-page').waitFor()
    await chooseOption(page, page.getByTestId('assignment-campaign'), name)
    const builder = page.getByTestId('filter-builder')
    await builder.getByTestId('filter-add-condition').click()
    const condition = builder.getByTestId('filter-condition').nth(0)
    await chooseOption(page, condition.getByTestId('filter-field'), 'Apellidos')
    await chooseOption(page, condition.getByTestId('filter-operator'), 'contiene')
    await condition.getByTestId('filter-value').fill(marker)
    await builder.getByTestId('filter-apply').click()
    await page.getByTestId('assignment-count').filter({ hasText: /^4$/ }).waitFor()
    await page.getByTestId('go-to-dialer').click()

    await page.getByText('Con el filtro de Asignaciones: 4 clientes').waitFor()
    const form = page.getByTestId('dialer-list-form')
    await form.getByLabel('Nombre de la lista').fill(`Lista ${stamp}`)
    await form.getByRole('button', { name: 'Subir lista' }).click()
    await page.getByText('Lista creada con 4 contactos (0 teléfonos inválidos omitidos)').waitFor()
    await page.locator('tr', { hasText: `Lista ${stamp}` }).waitFor()
    await keepScreenshot(page, 'dialer-lists')
    const [list] = await db.from('dialer_lists').where('name', `Lista ${stamp}`)
    const contacts = await db.from('dialer_contacts').where('list_id', list.id)
    assert.lengthOf(contacts, 4)

    // The agent's console: Siguiente contacto claims one and opens its Info tab.
    await page.context().clearCookies()
    await signInAs(page, 'agent', '/')
    await openMenuEntry(page, 'Clientes', 'Marcador')
    await chooseOption(page, page.getByTestId('dialer-campaign'), name)
    await page.getByTestId('dialer-next').click()
    await page.waitForURL(/\/admin\/r\/clients\/\d+\?tab=info/)
    const clientId = Number(/clients\/(\d+)/.exec(page.url())![1])
    const claimed = await db.from('dialer_contacts').where({ list_id: list.id, status: 'claimed' })
    assert.lengthOf(claimed, 1)
    assert.equal(claimed[0].client_id, clientId)
    assert.equal(claimed[0].claimed_by, agentId)
    // the first contact by id, new contacts in order: the client's own page shows it
    await page.getByText(`Cliente0 ${marker}`).first().waitFor()
    await keepScreenshot(page, 'dialer-claimed-client')

    // D6: "Llamar" on the client's page, in the dialer campaign; the call lands in its log.
    await page.getByTestId('dialer-call').click()
    const modal = page.locator('.ant-modal-content')
    await modal.getByText(name).waitFor()
    await modal.getByRole('button', { name: 'Llamar' }).click()
    await modal.getByText(`Llamando a ${claimed[0].phone}`).waitFor()
    const calls = await db
      .from('client_interactions')
      .where({ client_id: clientId, source: 'call' })
    assert.lengthOf(calls, 1)

    // The supervisor's Marcador shows the agent in a call and the list's counts.
    await page.context().clearCookies()
    await signInAs(page, 'supervisor', '/marcador')
    const agents = page.getByTestId('dialer-agents')
    await agents.locator('tr', { hasText: 'En llamada' }).waitFor()
    const row = page.locator('tr', { hasText: `Lista ${stamp}` })
    await row.waitFor()
    // contactos, nuevos, en llamada: 4, 3, 1
    assert.deepEqual((await row.locator('td').allInnerTexts()).slice(3, 6), ['4', '3', '1'])
  })

  test('progressive dialer: two agents get screen-pops of different clients, record Rellamar alternativo and No volver a llamar, and the live wallboard shows them', async ({
    assert,
    cleanup,
  }) => {
    // The simulated platform (the default adapter) answers every call, quickly: deterministic.
    // The server runs in this process and builds its adapter on first use, which this is.
    await answeringPlatform(cleanup)
    const { page } = ui
    const stamp = `${Date.now()}`
    const name = `Progresivo ${stamp}`
    const agents = DEMO_USERS.filter((user) => user.role === 'agent').slice(0, 2)
    const agentIds: number[] = []
    for (const agent of agents) {
      const [row] = await db.from('users').where('email', agent.email).select('id')
      agentIds.push(Number(row.id))
    }
    const campaignId = await progressiveCampaign(name, agentIds, cleanup)
    await insertResult(Number(campaignId), null, 1, 'Rellamar alternativo', {
      action: 'recall_alternate',
    })
    await insertResult(Number(campaignId), null, 1, 'No volver a llamar', {
      action: 'do_not_call',
    })
    const marker = `Auto${stamp}`
    for (let index = 0; index < 4; index++) {
      await seedClient({
        first_name: `Llamado${index}`,
        last_name: marker,
        campaign_id: Number(campaignId),
        primary_phone: `+5730060${String(10_000 + index).slice(-5)}`,
      })
    }

    // The supervisor builds the list from Asignaciones' filter and keeps the wallboard open.
    await signInAs(page, 'supervisor', '/assignments')
    await page.getByTestId('assignments-page').waitFor()
    await chooseOption(page, page.getByTestId('assignment-campaign'), name)
    const builder = page.getByTestId('filter-builder')
    await builder.getByTestId('filter-add-condition').click()
    const condition = builder.getByTestId('filter-condition').nth(0)
    await chooseOption(page, condition.getByTestId('filter-field'), 'Apellidos')
    await chooseOption(page, condition.getByTestId('filter-operator'), 'contiene')
    await condition.getByTestId('filter-value').fill(marker)
    await builder.getByTestId('filter-apply').click()
    await page.getByTestId('assignment-count').filter({ hasText: /^4$/ }).waitFor()
    await page.getByTestId('go-to-dialer').click()
    const form = page.getByTestId('dialer-list-form')
    await form.getByLabel('Nombre de la lista').fill(`Auto ${stamp}`)
    await form.getByRole('button', { name: 'Subir lista' }).click()
    await page.getByText('Lista creada con 4 contactos (0 teléfonos inválidos omitidos)').waitFor()
    const board = page.getByTestId('dialer-wallboard').locator('tr', { hasText: name })
    await board.waitFor()

    // Two agents, each in a browser of their own, start the progressive dialer.
    const consoles: Page[] = []
    for (const agent of agents) {
      const context = await ui.browser.newContext({
        baseURL: appUrl(),
        locale: 'es-ES',
        viewport: { width: 1280, height: 800 },
      })
      cleanup(() => context.close())
      const agentPage = await context.newPage()
      await agentPage.goto(`/admin/login?to=${encodeURIComponent('/marcador/consola')}`)
      await signInThroughForm(agentPage, agent.email, agent.password)
      await agentPage.getByTestId('current-user').waitFor()
      await chooseOption(agentPage, agentPage.getByTestId('dialer-campaign'), name)
      await agentPage.getByTestId('dialer-mode').filter({ hasText: 'progresivo' }).waitFor()
      consoles.push(agentPage)
    }
    for (const agentPage of consoles) await agentPage.getByTestId('dialer-start').click()

    // Each gets a screen-pop: the console opens its own client's Info tab.
    const popped: number[] = []
    for (const agentPage of consoles) {
      await agentPage.waitForURL(/\/admin\/r\/clients\/\d+\?tab=info/)
      popped.push(Number(/clients\/(\d+)/.exec(agentPage.url())![1]))
      await agentPage.getByText(marker).first().waitFor()
    }
    assert.notEqual(popped[0], popped[1])
    await keepScreenshot(consoles[0], 'dialer-screen-pop')
    const latencies: number[] = []
    for (const agentPage of consoles) {
      const pops = await agentPage.evaluate(
        () =>
          (globalThis as unknown as { __dialerScreenPops?: Array<{ ms: number }> })
            .__dialerScreenPops
      )
      for (const pop of pops ?? []) latencies.push(pop.ms)
    }
    // a figure for the report, not an assertion (the machine is shared)
    console.log(`screen-pop push latency (answer → browser), ms: ${latencies.join(', ')}`)

    // The wallboard shows both agents in a call, live.
    await board.getByTestId('board-agents').filter({ hasText: 'En llamada 2' }).waitFor()
    await board.getByTestId('board-calls').filter({ hasText: '2 con agente' }).waitFor()

    // One records "Rellamar alternativo", the other "No volver a llamar".
    const outcomes = ['Rellamar alternativo', 'No volver a llamar']
    for (const [index, agentPage] of consoles.entries()) {
      const gestion = agentPage.getByTestId('client-info-plugins').getByTestId('gestion-form')
      await gestion.getByTestId('gestion-campaign').filter({ hasText: name }).waitFor()
      await chooseOption(agentPage, gestion.getByTestId('gestion-level1'), outcomes[index])
      await gestion.getByTestId('gestion-save').click()
      await agentPage
        .getByTestId('gestion-history')
        .locator('tr.ant-table-row', { hasText: outcomes[index] })
        .waitFor()
    }
    const [first, second] = await Promise.all(
      popped.map((clientId) =>
        db.from('dialer_contacts').where({ client_id: clientId, campaign_id: campaignId }).first()
      )
    )
    assert.equal(first.status, 'recall')
    assert.equal(second.status, 'dnc')
    const blocked = await db.from('dialer_dnc').where('number', second.phone)
    assert.lengthOf(blocked, 1)

    // Free again, both get the two remaining new clients; the wallboard follows without a reload.
    await board.getByTestId('board-contacts').filter({ hasText: 'no llamar 1' }).waitFor()
    await board.getByTestId('board-contacts').filter({ hasText: 'rellamar 1' }).waitFor()
    await board.getByTestId('board-contacts').filter({ hasText: 'en llamada 2' }).waitFor()
    await board.getByTestId('board-agents').filter({ hasText: 'En llamada 2' }).waitFor()
    assert.include(await board.getByTestId('board-abandon').innerText(), '0.0 %')
    await keepScreenshot(page, 'dialer-wallboard')
  })
  test('an agent on the clients list, not the console, gets the screen-pop when the pacer connects a call; signing out ends the live connection', async ({
    assert,
    cleanup,
  }) => {
    await answeringPlatform(cleanup)
    const { page } = ui
    const stamp = `${Date.now()}`
    const name = `Emergente ${stamp}`
    const agentId = await demoUserId('agent')
    const campaignId = await progressiveCampaign(name, [agentId], cleanup)
    const marker = `Emergente${stamp}`
    const clientId = await seedClient({
      first_name: 'Atiende',
      last_name: marker,
      campaign_id: Number(campaignId),
      primary_phone: '+573007010001',
    })

    // The agent starts the dialer (its hopper still empty), then goes to the clients list.
    await signInAs(page, 'agent', '/marcador/consola')
    await chooseOption(page, page.getByTestId('dialer-campaign'), name)
    await page.getByTestId('dialer-start').click()
    await page.getByTestId('dialer-waiting').waitFor()
    // the Clientes group is open already (Marcador is in it); opened when it is not
    const clients = page.locator('.ant-layout-sider a[href$="/r/clients"]').first()
    if (!(await clients.isVisible())) {
      await page
        .locator('.ant-layout-sider .ant-menu-submenu-title')
        .filter({ hasText: 'Clientes' })
        .click()
    }
    await clients.click()
    await page.getByTestId('resource-list').waitFor()
    await markDocument(page)
    assert.isAtLeast(transmit.getSubscribersFor(`users/${agentId}`).length, 1)

    // A supervisor builds the list through the API: the pacer dials, the call is answered and
    // put through, and the agent's browser opens the client from the clients list.
    const supervisor = demoUser('supervisor')
    const issued = await fetch(`${appUrl()}/api/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ email: supervisor.email, password: supervisor.password }),
    })
    const { data: token } = (await issued.json()) as { data: { token: string } }
    const built = await fetch(`${appUrl()}/api/p/dialer/lists`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json',
        'Authorization': `Bearer ${token.token}`,
      },
      body: JSON.stringify({
        name: `Lista ${stamp}`,
        campaignId: Number(campaignId),
        filter: { field: 'last_name', op: 'eq', value: marker },
      }),
    })
    assert.equal(built.status, 201, await built.clone().text())

    await page.waitForURL(new RegExp(`/admin/r/clients/${clientId}\\?tab=info`))
    await page.getByText(`Atiende ${marker}`).first().waitFor()
    assert.isTrue(await documentIsMarked(page), 'the pop navigated inside the page, no reload')
    const pops = await page.evaluate(
      () =>
        (globalThis as unknown as { __dialerScreenPops?: Array<{ ms: number }> }).__dialerScreenPops
    )
    assert.lengthOf(pops ?? [], 1)
    // a figure for the report, not an assertion (the machine is shared)
    console.log(
      `screen-pop on the clients list, push latency (answer → browser), ms: ${pops![0].ms}`
    )
    const held = await db.from('dialer_agent_states').where('user_id', agentId).first()
    assert.equal(held.state, 'in_call')

    // Signing out ends the tab's live connection: the server no longer sends it the agent's channel.
    await page.getByTestId('logout').click()
    await page.getByTestId('login-email').waitFor()
    for (let tries = 0; tries < 100; tries++) {
      if (transmit.getSubscribersFor(`users/${agentId}`).length === 0) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    assert.lengthOf(transmit.getSubscribersFor(`users/${agentId}`), 0)
  })
})

import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { Page } from 'playwright-core'
import db from '@adonisjs/lucid/services/db'
import plugins from '#services/plugins'
import { SYSTEM_ACTOR } from '#services/audit_log'
import { signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { demoUserId, seedClient } from './support/client_fixtures.ts'
import { keepScreenshot } from './support/screenshots.ts'

/** The fixture plugins add entries of their own; these specs look at the product's menu. */
const FIXTURE_PLUGINS = ['greeter-extra', 'hello', 'recordatorios']

const SIDER = '.ant-layout-sider ul.ant-menu-root'

/** The sider's top-level labels, in order (a submenu by its title), once they settle on `expected`. */
async function topLevelMenu(page: Page, expected: string[]) {
  const read = () =>
    page
      .locator(
        `${SIDER} > li.ant-menu-item, ${SIDER} > li.ant-menu-submenu > .ant-menu-submenu-title`
      )
      .allInnerTexts()
  await page.locator(SIDER).getByText('Inicio', { exact: true }).waitFor()
  let labels = await read()
  // Entries appear as the access checks answer: wait for the expected ones, then report.
  for (let attempt = 0; attempt < 40 && labels.join('|') !== expected.join('|'); attempt++) {
    await page.waitForTimeout(100)
    labels = await read()
  }
  return labels.map((label) => label.trim())
}

/** The entries of a submenu, opened by its title. */
async function submenu(page: Page, title: string) {
  await page.locator(`${SIDER} .ant-menu-submenu-title`).filter({ hasText: title }).click()
  const list = page
    .locator(`${SIDER} > li.ant-menu-submenu`)
    .filter({ has: page.locator('.ant-menu-submenu-title', { hasText: title }) })
    .locator('li.ant-menu-item')
  await list.first().waitFor()
  return (await list.allInnerTexts()).map((label) => label.trim())
}

test.group('Menus by job (seed 001)', (group) => {
  const ui = useAdminUi(group)
  group.setup(async () => {
    await plugins.refresh(true)
    const wereEnabled = FIXTURE_PLUGINS.filter((name) => plugins.isEnabled(name))
    for (const name of wereEnabled) await plugins.disable(name, SYSTEM_ACTOR)
    return async () => {
      for (const name of [...wereEnabled].reverse()) await plugins.enable(name, SYSTEM_ACTOR)
    }
  })

  test("an agent's menu is Clientes, Búsqueda, Agenda and Estadísticas: no Usuarios, Campañas or Teléfonos", async ({
    assert,
  }) => {
    const { page } = ui
    await signInAs(page, 'agent', '/')
    const expected = ['Inicio', 'Clientes', 'Búsqueda', 'Agenda', 'Estadísticas']
    assert.deepEqual(await topLevelMenu(page, expected), expected)
    const sider = await page.locator(SIDER).innerText()
    for (const absent of [
      'Usuarios',
      'Campañas',
      'Teléfonos',
      'Parámetros',
      'Plugins',
      'TuBolsillo',
    ]) {
      assert.notInclude(sider, absent)
    }

    // Búsqueda: the clients list, ready to type a document, a name or a phone.
    await page.locator(SIDER).getByText('Búsqueda', { exact: true }).click()
    // (antd puts the test id on the input itself)
    await page.locator('input[data-testid="list-search"]:focus').waitFor()
    assert.equal(await page.locator('input:focus').getAttribute('data-testid'), 'list-search')
    await keepScreenshot(page, 'agent-menu')
  })

  test("a supervisor's Parámetros holds Bases, Perfiles, Speech and Tipificaciones", async ({
    assert,
  }) => {
    const { page } = ui
    await signInAs(page, 'supervisor', '/')
    const expected = [
      'Inicio',
      'Clientes',
      'Búsqueda',
      'Parámetros',
      'Asignaciones',
      'Agenda',
      'Estadísticas',
      'Campañas',
    ]
    assert.deepEqual(await topLevelMenu(page, expected), expected)
    assert.deepEqual(await submenu(page, 'Parámetros'), [
      'Bases',
      'Perfiles y campos',
      'Speech',
      'Tipificaciones',
      'Motivos TuBolsillo',
      'Tipos de alerta',
      'Resultados que alertan',
      'Marcador',
      'No llamar',
      'Reglas del marcador',
    ])
    // UPG's anti-fraud search and its stores of the gateway's users and payments
    assert.deepEqual(await submenu(page, 'Búsqueda'), [
      'Antifraude',
      'Cuentas UPG',
      'Transacciones UPG',
    ])
    assert.deepEqual(await submenu(page, 'Agenda'), ['Agenda', 'Rellamadas'])
    assert.deepEqual(await submenu(page, 'Estadísticas'), [
      'Estadísticas',
      'Gestiones',
      'Cambios TuBolsillo',
      'Contactabilidad',
      'Alertas de clientes',
    ])
    assert.notInclude(await page.locator(SIDER).innerText(), 'Usuarios')
    await keepScreenshot(page, 'supervisor-menu')
  })

  test('an admin also has Administración: Usuarios, Permisos and Plugins', async ({ assert }) => {
    const { page } = ui
    await signInAs(page, 'admin', '/')
    const expected = [
      'Inicio',
      'Clientes',
      'Búsqueda',
      'Parámetros',
      'Asignaciones',
      'Agenda',
      'Estadísticas',
      'Campañas',
      'Administración',
    ]
    assert.deepEqual(await topLevelMenu(page, expected), expected)
    assert.deepEqual(await submenu(page, 'Administración'), ['Usuarios', 'Permisos', 'Plugins'])
  })
})

const SQL = (at: DateTime) => at.toUTC().toFormat('yyyy-LL-dd HH:mm:ss')
let sequence = 0

/**
 * A morning of work, demo-like: agent1's client in a fresh campaign with two gestiones today,
 * an overdue callback of its own, one waiting in the shared queue, and a client nobody works.
 */
async function seedWorkday() {
  sequence += 1
  const stamp = `${Date.now()}-${sequence}`
  const now = DateTime.utc()
  const agentId = await demoUserId('agent')
  const [campaignId] = await db.table('campaigns').insert({
    name: `Cobranzas hogar ${stamp}`,
    type: 'outbound_dialer',
    active: 1,
    created_at: SQL(now),
  })
  await db.table('campaign_agents').insert({
    campaign_id: campaignId,
    user_id: agentId,
    created_at: SQL(now),
  })
  const [resultId] = await db.table('tip_results').insert({
    campaign_id: campaignId,
    parent_id: null,
    level: 1,
    name: 'Volver a llamar',
    action: null,
    allows_scheduling: 1,
    delete_scheduled: 0,
    gamification_measure: null,
    sort_order: 1,
    active: 1,
    created_at: SQL(now),
    updated_at: SQL(now),
  })
  const lastName = `Hogar ${stamp}`
  const clientId = await seedClient({
    first_name: 'Rosa',
    last_name: lastName,
    campaign_id: Number(campaignId),
    assigned_user_id: agentId,
  })
  await seedClient({
    first_name: 'Nadie',
    last_name: `Asignado ${stamp}`,
    campaign_id: Number(campaignId),
  })
  const gestion = (minutesAgo: number, forMe: boolean) => ({
    client_id: clientId,
    campaign_id: campaignId,
    result_id: resultId,
    level1_id: resultId,
    result_path: 'Volver a llamar',
    callback_at: SQL(now.minus({ minutes: 5 })),
    for_me: forMe ? 1 : 0,
    user_id: agentId,
    created_at: SQL(now.minus({ minutes: minutesAgo })),
  })
  const [own] = await db.table('tip_gestiones').insert(gestion(2, true))
  const [shared] = await db.table('tip_gestiones').insert(gestion(1, false))
  const callback = (gestionId: number, userId: number | null) => ({
    gestion_id: gestionId,
    client_id: clientId,
    campaign_id: campaignId,
    user_id: userId,
    due_at: SQL(now.minus({ minutes: 5 })),
    phone: null,
    status: 'pending',
    created_at: SQL(now),
    updated_at: SQL(now),
  })
  await db.table('tip_callbacks').insert(callback(Number(own), agentId))
  await db.table('tip_callbacks').insert(callback(Number(shared), null))
  return { clientName: `Rosa ${lastName}` }
}

test.group('Home pages show work', (group) => {
  const ui = useAdminUi(group)

  test("an agent's home: the caller-ID box, callbacks due today and the last gestiones", async ({
    assert,
  }) => {
    const { clientName } = await seedWorkday()
    const { page } = ui
    await signInAs(page, 'agent', '/')
    await page.getByTestId('home-caller-id').getByTestId('caller-id-lookup').waitFor()

    const due = page.getByTestId('home-due-callbacks')
    const mine = due.getByTestId('home-due-callback').filter({ hasText: clientName })
    await mine.waitFor()
    assert.include(await mine.innerText(), 'Vencida')
    // The queued callback is the campaign's, not the agent's own.
    assert.equal(await mine.count(), 1)

    const recent = page.getByTestId('home-recent-gestiones')
    await recent
      .getByTestId('home-recent-gestion')
      .filter({ hasText: clientName })
      .first()
      .waitFor()
    assert.notInclude(await page.getByTestId('dashboard-page').innerText(), 'Plugins activos')
    await keepScreenshot(page, 'agent-home')
  })

  test("a supervisor's home: unassigned clients, today's gestiones per agent, due and queued callbacks", async ({
    assert,
  }) => {
    const { clientName } = await seedWorkday()
    const { page } = ui
    await signInAs(page, 'supervisor', '/')

    const unassigned = page.getByTestId('home-unassigned-count')
    await unassigned.waitFor()
    assert.isAtLeast(Number((await unassigned.innerText()).replace(/\D/g, '')), 1)

    const agentRow = page
      .getByTestId('home-gestiones-by-agent')
      .getByTestId('home-agent-row')
      .filter({ hasText: 'Andrea Agente' })
    await agentRow.waitFor()
    assert.isAtLeast(Number((await agentRow.innerText()).replace(/\D/g, '')), 2)

    const overview = page.getByTestId('home-callbacks-overview')
    await overview
      .getByTestId('home-overdue-callback')
      .filter({ hasText: clientName })
      .first()
      .waitFor()
    const figure = async (key: string) =>
      Number((await overview.getByTestId(`home-callbacks-${key}`).innerText()).replace(/\D/g, ''))
    assert.isAtLeast(await figure('overdue'), 2)
    assert.isAtLeast(await figure('queue'), 1)
    await keepScreenshot(page, 'supervisor-home')
  })
})

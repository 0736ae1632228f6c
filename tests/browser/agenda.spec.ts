import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { Page } from 'playwright-core'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { makeClient } from '#tests/helpers/clients'
import { openMenuEntry, signInAs, signInThroughForm } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { appUrl } from './support/app_url.ts'
import { chooseOption } from './support/antd_widgets.ts'
import { demoUser } from './support/demo_users.ts'
import { keepScreenshot } from './support/screenshots.ts'

const NOW = () => DateTime.utc().toSQL({ includeOffset: false })!

/** The header's due count once the badge has read it. */
async function dueCount(page: Page, expected: number) {
  await page.locator(`[data-testid="agenda-due-count"][data-due="${expected}"]`).waitFor()
}

/** A new outbound campaign worked by these agents. */
async function campaignOf(name: string, agents: User[]) {
  const [campaignId] = await db.table('campaigns').insert({
    name: `${name} ${Date.now()}`,
    type: 'outbound_dialer',
    active: 1,
    created_at: NOW(),
  })
  for (const user of agents) {
    await db
      .table('campaign_agents')
      .insert({ campaign_id: campaignId, user_id: user.id, created_at: NOW() })
  }
  return Number(campaignId)
}

test.group('agenda: shared callbacks and the supervisor agenda', (group) => {
  const ui = useAdminUi(group)

  test('an agent leaves "Rellamar mañana" to the queue, another agent takes it, the supervisor moves it', async ({
    assert,
  }) => {
    const { page } = ui
    const agent1 = await User.findByOrFail('email', demoUser('agent').email)
    const agent2 = await User.findByOrFail('email', 'agent2@tablero.test')
    const campaignId = await campaignOf('Cobranza agenda', [agent1, agent2])
    const clientId = await makeClient({
      first_name: 'Rosa',
      last_name: 'Quintero',
      primary_phone: '+573004445566',
      campaign_id: campaignId,
      assigned_user_id: agent1.id,
    })
    const result = (values: Record<string, unknown>) =>
      db.table('tip_results').insert({
        campaign_id: campaignId,
        delete_scheduled: 0,
        sort_order: 1,
        active: 1,
        created_at: NOW(),
        updated_at: NOW(),
        ...values,
      })
    const [contacted] = await result({ level: 1, name: 'Contactado', action: 'no_action' })
    await result({
      level: 2,
      parent_id: contacted,
      name: 'Rellamar mañana',
      allows_scheduling: 1,
    })

    // 1. agent1 records "Rellamar mañana" without "Para mí": the callback goes to the queue.
    await signInAs(page, 'agent', `/r/clients/${clientId}?tab=info`)
    const form = page.getByTestId('gestion-form')
    await form.waitFor()
    await chooseOption(page, form.getByTestId('gestion-level1'), 'Contactado')
    await chooseOption(page, form.getByTestId('gestion-level2'), 'Rellamar mañana')
    const tomorrow = DateTime.now().plus({ days: 1 }).set({ hour: 10, minute: 0 })
    await form.getByTestId('gestion-callback').click()
    // the picker starts on the next calling-hours slot: replace it
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type(tomorrow.toFormat('dd/LL/yyyy HH:mm'))
    await page.keyboard.press('Enter')
    assert.isFalse(await form.getByTestId('gestion-for-me').isChecked())
    await form.getByTestId('gestion-save').click()
    await page
      .getByTestId('gestion-history')
      .locator('tr.ant-table-row', { hasText: 'Contactado > Rellamar mañana' })
      .waitFor()
    const [queued] = await db.from('tip_callbacks').where('client_id', clientId)
    assert.isNull(queued.user_id)

    // Tomorrow has come (the test moves the clock of the row, not of the machine).
    const due = DateTime.utc().minus({ minutes: 5 }).startOf('minute')
    await db
      .from('tip_callbacks')
      .where('id', queued.id)
      .update({ due_at: due.toSQL({ includeOffset: false }) })
    await page.reload()
    await dueCount(page, 1)

    // 2. agent2 finds it in its campaign's queue on the Agenda and takes it.
    const context2 = await ui.browser.newContext({
      baseURL: appUrl(),
      locale: 'es-ES',
      viewport: { width: 1280, height: 800 },
    })
    try {
      const page2 = await context2.newPage()
      await page2.goto('/admin/login?to=%2Fagenda')
      await signInThroughForm(page2, 'agent2@tablero.test', demoUser('agent').password)
      await page2.getByTestId('agenda-page').waitFor()
      await dueCount(page2, 1)
      await page2.getByTestId(`queue-take-${queued.id}`).click()
      await page2.getByTestId(`queue-entry-${queued.id}`).waitFor({ state: 'detached' })
      await page2.getByTestId(`agenda-event-${queued.id}`).waitFor()
      await keepScreenshot(page2, 'agenda-agent-took-callback')
      const [taken] = await db.from('tip_callbacks').where('id', queued.id)
      assert.equal(taken.user_id, agent2.id)
      // agent1's header drops the taken callback without a reload (server-sent events)
      await dueCount(page, 0)
      await dueCount(page2, 1)
    } finally {
      await context2.close()
    }

    // 3. The supervisor sees agent2's event, filtered by agent, and moves it to a new time.
    await ui.context.clearCookies()
    await signInAs(page, 'supervisor', '/')
    // the supervisor's Agenda group holds the calendar and the callbacks list
    await openMenuEntry(page, 'Agenda', 'Agenda')
    await page.getByTestId('agenda-page').waitFor()
    await chooseOption(page, page.getByTestId('agenda-filter-agent'), agent2.fullName)
    const event = page.getByTestId(`agenda-event-${queued.id}`)
    await event.click()
    const modal = page.getByTestId('agenda-event-modal')
    await modal.waitFor()
    const moved = DateTime.now().plus({ days: 2 }).set({ hour: 11, minute: 30 })
    await modal.getByTestId('agenda-event-due').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type(moved.toFormat('yyyy-LL-dd HH:mm'))
    await page.keyboard.press('Enter')
    // Enter in a field submits the form (the date picker's panel covers the buttons)
    await modal.getByTestId('agenda-event-phone').press('Enter')
    await modal.waitFor({ state: 'detached' })
    const [after] = await db.from('tip_callbacks').where('id', queued.id)
    assert.equal(after.user_id, agent2.id)
    const dueAt =
      after.due_at instanceof Date ? after.due_at : new Date(`${after.due_at.replace(' ', 'T')}Z`)
    assert.isAbove(dueAt.getTime(), Date.now())
    const [card] = await db.from('clients').where('id', clientId)
    assert.equal(card.primary_phone, '+573004445566')
    assert.equal(card.assigned_user_id, agent1.id)
    await keepScreenshot(page, 'agenda-supervisor-moved-event')
  })

  test("the calendar lays out days and hours in the agent's profile zone, not the browser's", async ({
    assert,
  }) => {
    const agent1 = await User.findByOrFail('email', demoUser('agent').email)
    const campaignId = await campaignOf('Agenda zona', [agent1])
    const clientId = await makeClient({
      first_name: 'Zoila',
      last_name: 'Husos',
      primary_phone: '+573004447788',
      campaign_id: campaignId,
      assigned_user_id: agent1.id,
    })
    // 22:00 tomorrow in Bogotá (the agent's profile zone) is 12:00 the day after in Tokyo
    // (the browser's zone): another day and another hour.
    const bogota = DateTime.now()
      .setZone('America/Bogota')
      .plus({ days: 1 })
      .set({ hour: 22, minute: 0, second: 0, millisecond: 0 })
    const [callbackId] = await db.table('tip_callbacks').insert({
      client_id: clientId,
      campaign_id: campaignId,
      user_id: agent1.id,
      due_at: bogota.toUTC().toSQL({ includeOffset: false }),
      status: 'pending',
      created_at: NOW(),
      updated_at: NOW(),
    })
    const previousZone = agent1.timezone
    agent1.timezone = 'America/Bogota'
    await agent1.save()
    const context = await ui.browser.newContext({
      baseURL: appUrl(),
      locale: 'es-ES',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 1280, height: 800 },
    })
    try {
      const page = await context.newPage()
      await page.goto('/admin/login?to=%2Fagenda')
      await signInThroughForm(page, agent1.email, demoUser('agent').password)
      await page.getByTestId('agenda-page').waitFor()
      await page.locator('.fc-dayGridMonth-button').click()
      const day = page.locator(`td.fc-daygrid-day[data-date="${bogota.toISODate()}"]`)
      const event = day.getByTestId(`agenda-event-${callbackId}`)
      await event.waitFor()
      // the month view shows the hour alone ("22"), on the day of Bogotá
      assert.match(await event.innerText(), /^22\b/)
      await keepScreenshot(page, 'agenda-profile-zone')
    } finally {
      await context.close()
      agent1.timezone = previousZone
      await agent1.save()
    }
  })
})

import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import db from '@adonisjs/lucid/services/db'
import { signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { demoUserId, seedClient } from './support/client_fixtures.ts'
import { keepScreenshot } from './support/screenshots.ts'

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row')

/** Types a search into the clients list and waits for the answer to show `text` (or nothing). */
async function search(page: Page, text: string) {
  const answered = page.waitForResponse(
    (response) =>
      response.url().includes('/api/r/clients?') &&
      new URL(response.url()).searchParams.get('q') === text
  )
  await page.getByTestId('list-search').fill(text)
  await page.getByTestId('list-search').press('Enter')
  await answered
}

/** A colleague's client in a campaign the demo agent works, with a unique surname, document and phone. */
async function colleaguesClient() {
  const stamp = String(Date.now()).slice(-7)
  const agentId = await demoUserId('agent')
  const [colleague] = await db
    .from('users')
    .where('role', 'agent')
    .whereNot('id', agentId)
    .select('id')
    .limit(1)
  const [campaignId] = await db
    .table('campaigns')
    .insert({ name: `Entrantes ${stamp}`, type: 'inbound', created_at: '2026-01-01 00:00:00' })
  for (const userId of [agentId, colleague.id]) {
    await db
      .table('campaign_agents')
      .insert({ campaign_id: campaignId, user_id: userId, created_at: '2026-01-01 00:00:00' })
  }
  const surname = `Palacios${stamp.replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`
  const phone = `+57310${stamp}`
  const document = `${stamp}8-5`
  await seedClient({
    first_name: 'Mario',
    last_name: `Vega ${surname}`,
    document,
    primary_phone: phone,
    campaign_id: Number(campaignId),
    assigned_user_id: colleague.id,
  })
  return { surname, phone, document }
}

/** Seed 001 Búsqueda (C14): the agent finds any client of their campaigns. */
test.group('Client search', (group) => {
  const ui = useAdminUi(group)

  test('an agent finds a client by surname, partial document and the last 7 digits of the phone', async ({
    assert,
  }) => {
    const { page } = ui
    const { surname, phone, document } = await colleaguesClient()
    await signInAs(page, 'agent', '/r/clients')

    // "Solo mis clientes" starts on: the colleague's client is not among the agent's own
    const onlyMine = page.getByTestId('only-mine')
    assert.equal(await onlyMine.getAttribute('aria-checked'), 'true')
    await search(page, surname)
    await page.locator('.ant-table-placeholder').waitFor()
    assert.equal(await rows(page).count(), 0)

    await onlyMine.click()
    const found = rows(page).filter({ hasText: surname })
    await found.waitFor()
    assert.equal(await rows(page).count(), 1)

    await search(page, document.slice(0, 8))
    await rows(page).filter({ hasText: surname }).waitFor()
    assert.equal(await rows(page).count(), 1)

    await search(page, phone.slice(-7))
    await rows(page).filter({ hasText: surname }).waitFor()
    assert.equal(await rows(page).count(), 1)
    await keepScreenshot(page, 'client-search-by-phone-digits')
  })

  test('an unknown caller opens a new client form with the number filled in', async ({
    assert,
  }) => {
    const { page } = ui
    const unknown = `+57311${String(Date.now()).slice(-7)}`
    await signInAs(page, 'agent', '/r/clients')
    await page.getByTestId('caller-id-lookup').fill(unknown)
    await page.getByTestId('caller-id-lookup').press('Enter')
    await page.waitForURL(/\/r\/clients\/create/)
    const input = page.getByTestId('input-primary_phone')
    await input.waitFor()
    assert.equal(await input.inputValue(), unknown)
  })
})

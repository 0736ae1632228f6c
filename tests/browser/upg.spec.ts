import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { SYSTEM_ACTOR, toSqlDateTime } from '#services/audit_log'
import plugins from '#services/plugins'
import { startFakeGateway } from '#tests/helpers/fake_gateway'
import { signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { demoUserId, seedClient } from './support/client_fixtures.ts'
import { keepScreenshot } from './support/screenshots.ts'

/** Two clients who paid with one card (a unique mask for this run), the agent holding the first. */
async function sharedCard() {
  const marker = `Upg${Date.now()}`
  const last4 = String(Date.now()).slice(-4)
  const now = toSqlDateTime(DateTime.utc())
  const agentId = await demoUserId('agent')
  const first = await seedClient({
    first_name: 'Ana',
    last_name: marker,
    assigned_user_id: agentId,
  })
  const second = await seedClient({ first_name: 'Beto', last_name: marker })
  const payment = (clientId: number, userId: string, order: string, service: string) => ({
    client_id: clientId,
    external_user_id: userId,
    service,
    order_number: order,
    amount: 120.5,
    currency: 'USD',
    payment_method: 'card',
    card_bin: '479999',
    card_last4: last4,
    card_brand: 'Visa',
    gateway: 'Redsys',
    payment_ip: '203.0.113.77',
    ip_network: '203.0.113',
    status: 'approved',
    occurred_at: now,
    created_at: now,
  })
  await db.table('upg_clients').multiInsert([
    {
      client_id: first,
      external_user_id: `${marker}-1`,
      full_name: `Ana ${marker}`,
      created_at: now,
    },
    { client_id: second, external_user_id: `${marker}-2`, created_at: now },
  ])
  await db
    .table('upg_transactions')
    .multiInsert([
      payment(first, `${marker}-1`, `VJ-${marker}`, 'travel'),
      payment(first, `${marker}-1`, `MK-${marker}`, 'market'),
      payment(second, `${marker}-2`, `EN-${marker}`, 'shipping'),
    ])
  return { marker, first, second, mask: `479999******${last4}` }
}

test.group('UPG screens (U1–U4)', (group) => {
  const ui = useAdminUi(group)

  test("an agent opens a client's UPG tab and a transaction's TRX details", async ({ assert }) => {
    const { page } = ui
    const { marker, first, mask } = await sharedCard()
    // with every plugin on, the tab strip overflows into its "⋯" menu: open the tab by its link
    await signInAs(page, 'agent', `/r/clients/${first}?tab=plugin:upg`)
    const table = page.getByTestId('upg-transactions')
    await table.locator(`[data-order="VJ-${marker}"]`).waitFor()
    assert.equal(await table.locator('tbody tr[data-order]').count(), 2)
    await keepScreenshot(page, 'upg-tab-transactions')
    await table.locator(`[data-order="VJ-${marker}"]`).getByTestId('upg-open-trx').click()
    const details = page.getByTestId('upg-trx-details')
    await details.waitFor()
    assert.equal(await details.getByTestId('upg-card-mask').textContent(), mask)
    assert.equal(await details.getByTestId('upg-gateway').textContent(), 'Redsys')
    await keepScreenshot(page, 'upg-trx-details')
    await page.getByTestId('upg-tab-client').click()
    await page.getByTestId('upg-client-details').getByText(`Ana ${marker}`).waitFor()
  }).timeout(120_000)

  test('a supervisor searches by card mask and finds the two clients', async ({ assert }) => {
    const { page } = ui
    const { marker, mask } = await sharedCard()
    await signInAs(page, 'supervisor', '/upg/antifraude')
    await page.getByTestId('upg-fraud-card').fill(mask)
    await page.getByTestId('upg-fraud-search').click()
    const clients = page.locator('[data-testid="upg-fraud-clients"][data-count="2"]')
    await clients.waitFor()
    await clients.getByText(`Ana ${marker}`).waitFor()
    await keepScreenshot(page, 'upg-antifraude')
    await clients.getByText(`Beto ${marker}`).click()
    await page.getByTestId('upg-tab').waitFor()
    assert.include(page.url(), 'tab=plugin')
  }).timeout(120_000)

  test('with the gateway down, the tab says "UPG no disponible" and the client page works', async ({
    assert,
    cleanup,
  }) => {
    const { page } = ui
    const { first } = await sharedCard()
    const fake = await startFakeGateway({ status: 503, body: { error: 'mantenimiento' } })
    const names = ['UPG_ADAPTER', 'UPG_URL', 'UPG_RETRIES', 'UPG_RETRY_DELAY_MS']
    const saved = names.map((name) => process.env[name])
    Object.assign(process.env, {
      UPG_ADAPTER: 'http',
      UPG_URL: fake.origin,
      UPG_RETRIES: '0',
      UPG_RETRY_DELAY_MS: '10',
    })
    cleanup(async () => {
      names.forEach((name, index) => {
        if (saved[index] === undefined) delete process.env[name]
        else process.env[name] = saved[index]
      })
      await fake.close()
    })
    await signInAs(page, 'supervisor', `/r/clients/${first}?tab=plugin:upg`)
    const alert = page.locator('[data-testid="upg-error"][data-code="UPG_UNAVAILABLE"]')
    await alert.waitFor()
    assert.include(await alert.textContent(), 'UPG no disponible')
    // the rest of the client page is untouched
    await page.getByTestId('client-tab-plugin-speech').click()
  }).timeout(120_000)

  test('a disabled UPG leaves no tab; its data stays', async ({ assert, cleanup }) => {
    const { page } = ui
    const { first } = await sharedCard()
    await plugins.disable('upg', SYSTEM_ACTOR)
    cleanup(async () => {
      await plugins.enable('upg', SYSTEM_ACTOR)
    })
    await signInAs(page, 'supervisor', `/r/clients/${first}`)
    await page.getByTestId('client-tab-plugin-speech').waitFor()
    assert.equal(await page.getByTestId('client-tab-plugin-upg').count(), 0)
    const kept = await db.from('upg_transactions').where('client_id', first).count('* as n')
    assert.equal(Number(kept[0].n), 2)
  }).timeout(120_000)
})

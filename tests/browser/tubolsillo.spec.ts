import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { SYSTEM_ACTOR, toSqlDateTime } from '#services/audit_log'
import plugins from '#services/plugins'
import { startFakeGateway } from '#tests/helpers/fake_gateway'
import { startJobWorker, stopJobWorker } from '#tests/helpers/jobs'
import { signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { chooseOption } from './support/antd_widgets.ts'
import { seedClient } from './support/client_fixtures.ts'
import { keepScreenshot } from './support/screenshots.ts'

const VARIABLES = ['TUBOLSILLO_ADAPTER', 'TUBOLSILLO_HTTP_URL', 'TUBOLSILLO_HTTP_TIMEOUT_MS']

test.group('TuBolsillo screens (W1–W3)', (group) => {
  const ui = useAdminUi(group)
  group.each.setup(() => {
    startJobWorker()
    return () => stopJobWorker()
  })

  test('a supervisor deactivates 50 filtered clients in bulk; the 3 the wallet service refuses are shown', async ({
    assert,
    cleanup,
  }) => {
    const { page } = ui
    const marker = `Bolsillo${Date.now()}`
    const now = toSqlDateTime(DateTime.utc())
    const reason = `Fraude ${marker}`
    await db.table('tubolsillo_reasons').insert({
      label: reason,
      applies_to: 'deactivate',
      active: true,
      created_at: now,
    })
    const ids: number[] = []
    for (let index = 0; index < 50; index++) {
      ids.push(await seedClient({ first_name: `Cliente${index}`, last_name: marker }))
    }
    const refused = new Set([ids[4], ids[21], ids[37]])

    // The wallet service the server calls: a little slow, so the progress shows, and refusing 3.
    let refusing = true
    let fake: Awaited<ReturnType<typeof startFakeGateway>> | undefined
    fake = await startFakeGateway((index) => {
      const clientId = Number(/^\/wallets\/(\d+)\//.exec(fake!.received[index].url)?.[1])
      if (refusing && refused.has(clientId)) {
        return { status: 422, body: { status: 'failed', error: `Sin billetera ${clientId}` } }
      }
      return { status: 200, body: { status: 'confirmed' }, delayMs: 40 }
    })
    const saved = VARIABLES.map((name) => process.env[name])
    process.env.TUBOLSILLO_ADAPTER = 'http'
    process.env.TUBOLSILLO_HTTP_URL = fake.origin
    process.env.TUBOLSILLO_HTTP_TIMEOUT_MS = '3000'
    cleanup(async () => {
      VARIABLES.forEach((name, index) => {
        if (saved[index] === undefined) delete process.env[name]
        else process.env[name] = saved[index]
      })
      await fake!.close()
    })

    await signInAs(page, 'supervisor', '/r/clients')
    await page.getByTestId('filter-toggle').click()
    const builder = page.getByTestId('filter-builder')
    await builder.getByTestId('filter-add-condition').click()
    const condition = builder.getByTestId('filter-condition').nth(0)
    await chooseOption(page, condition.getByTestId('filter-field'), 'Apellidos')
    await chooseOption(page, condition.getByTestId('filter-operator'), 'contiene')
    await condition.getByTestId('filter-value').fill(marker)
    await builder.getByTestId('filter-apply').click()
    await page.getByTestId('list-total').filter({ hasText: '50' }).waitFor()
    // the plugin's column: never asked yet
    await page.locator('[data-testid="tubolsillo-column"][data-status="unknown"]').first().waitFor()

    // The confirmation states the count before anything starts.
    await page.getByTestId('tubolsillo-bulk-open').click()
    const modal = page.getByTestId('tubolsillo-bulk')
    await modal.locator('[data-testid="tubolsillo-bulk-count"][data-count="50"]').waitFor()
    assert.include(await modal.getByTestId('tubolsillo-bulk-count').innerText(), '50 clientes')
    await chooseOption(page, modal.getByTestId('tubolsillo-reason'), reason)
    await modal.getByTestId('tubolsillo-note').fill('Campaña de fraude')
    await keepScreenshot(page, 'tubolsillo-bulk-confirmation')
    assert.equal(
      await db
        .from('tubolsillo_toggles')
        .whereIn('client_id', ids)
        .count('* as n')
        .then((r) => Number(r[0].n)),
      0
    )
    await page.getByTestId('tubolsillo-bulk-start').click()

    // A progress bar while the job runs, then the outcome with the refused clients.
    await modal.getByTestId('tubolsillo-bulk-progress').waitFor()
    await modal.getByTestId('tubolsillo-bulk-done').waitFor({ timeout: 60_000 })
    assert.include(
      await modal.getByTestId('tubolsillo-bulk-done').innerText(),
      '47 confirmados, 3 fallidos, 0 pendientes'
    )
    const failedRows = modal.getByTestId('tubolsillo-bulk-failed').locator('tbody tr.ant-table-row')
    assert.equal(await failedRows.count(), 3)
    const shown = await failedRows.allInnerTexts()
    for (const clientId of refused) {
      assert.isTrue(shown.some((row) => row.includes(`Sin billetera ${clientId}`)))
    }
    assert.include(shown.join('\n'), `Cliente4 ${marker}`)
    await keepScreenshot(page, 'tubolsillo-bulk-refused')

    const statuses = await db
      .from('tubolsillo_toggles')
      .whereIn('client_id', ids)
      .select('status')
      .count('* as total')
      .groupBy('status')
    assert.deepEqual(Object.fromEntries(statuses.map((row) => [row.status, Number(row.total)])), {
      confirmed: 47,
      failed: 3,
    })

    // The refused ones are retried from the same screen.
    refusing = false
    await modal.getByTestId('tubolsillo-bulk-retry').click()
    await modal
      .getByTestId('tubolsillo-bulk-done')
      .filter({ hasText: '3 confirmados, 0 fallidos' })
      .waitFor({ timeout: 60_000 })

    // A client's page shows its wallet and history.
    await page.getByTestId('tubolsillo-bulk-close').click()
    await page.goto(`/admin/r/clients/${ids[4]}`)
    await page.getByTestId('client-tab-plugin-tubolsillo').click()
    await page.locator('[data-testid="tubolsillo-status"][data-status="inactive"]').waitFor()
    assert.equal(
      await page.getByTestId('tubolsillo-history').locator('tbody tr.ant-table-row').count(),
      2
    )
    await keepScreenshot(page, 'tubolsillo-client-tab')
  }).timeout(180_000)

  test('disabling the plugin removes its tab, list action and column; enabling brings the data back', async ({
    assert,
    cleanup,
  }) => {
    const { page } = ui
    const marker = `Apagado${Date.now()}`
    const clientId = await seedClient({ first_name: 'Billetera', last_name: marker })
    const now = toSqlDateTime(DateTime.utc())
    const [reasonId] = await db.table('tubolsillo_reasons').insert({
      label: `Motivo ${marker}`,
      applies_to: 'both',
      active: true,
      created_at: now,
    })
    await db.table('tubolsillo_toggles').insert({
      client_id: clientId,
      action: 'activate',
      reason_id: Number(reasonId),
      status: 'confirmed',
      idempotency_key: marker,
      attempts: 1,
      settled_at: now,
      created_at: now,
    })
    await plugins.disable('tubolsillo', SYSTEM_ACTOR)
    cleanup(async () => {
      await plugins.enable('tubolsillo', SYSTEM_ACTOR)
    })

    await signInAs(page, 'supervisor', `/r/clients/${clientId}`)
    await page.getByTestId('client-tab-plugin-speech').waitFor()
    assert.equal(await page.getByTestId('client-tab-plugin-tubolsillo').count(), 0)
    await page.goto('/admin/r/clients')
    await page.getByTestId('list-total').waitFor()
    assert.equal(await page.getByTestId('tubolsillo-bulk-open').count(), 0)
    assert.equal(await page.getByTestId('tubolsillo-column').count(), 0)
    const kept = await db.from('tubolsillo_toggles').where('client_id', clientId).count('* as n')
    assert.equal(Number(kept[0].n), 1)

    await plugins.enable('tubolsillo', SYSTEM_ACTOR)
    await page.goto(`/admin/r/clients/${clientId}`)
    await page.getByTestId('client-tab-plugin-tubolsillo').click()
    await page.locator('[data-testid="tubolsillo-status"][data-status="active"]').waitFor()
  }).timeout(120_000)
})

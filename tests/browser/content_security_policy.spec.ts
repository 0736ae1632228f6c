import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import db from '@adonisjs/lucid/services/db'
import { ClientInteractions } from '#services/client_interactions'
import { signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { seedClient, uniquePhone } from './support/client_fixtures.ts'

type ViolationWindow = { cspViolations?: string[] }
/** The page's view of a violation (the test's types know no DOM). */
type ViolationEvent = { violatedDirective: string; blockedURI: string }
type PageDocument = { addEventListener(type: string, listener: (event: any) => void): void }

/**
 * Every document of the context records the policy violations it meets (the browser blocks
 * the resource and fires `securitypolicyviolation`; nothing else would tell the test).
 */
async function recordViolations(page: Page) {
  await page.context().addInitScript(() => {
    const violations: string[] = ((globalThis as ViolationWindow).cspViolations = [])
    const document = (globalThis as unknown as { document: PageDocument }).document
    document.addEventListener('securitypolicyviolation', (event: ViolationEvent) => {
      violations.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'}`)
    })
  })
}

async function violationsOf(page: Page) {
  return page.evaluate(() => (globalThis as ViolationWindow).cspViolations ?? [])
}

test.group('Content security policy', (group) => {
  const ui = useAdminUi(group)

  test('the admin works under its strict policy: sign-in, lists, charts, plugins', async ({
    assert,
  }) => {
    const { page } = ui
    await recordViolations(page)
    const id = await seedClient({ first_name: 'Celia', primary_phone: uniquePhone() })
    await db.transaction(async (trx) => {
      for (const channel of ['sms', 'voice', 'voice'] as const) {
        await ClientInteractions.record(trx, {
          clientId: id,
          channel,
          direction: 'out',
          source: 'notification',
          result: 'sent',
        })
      }
    })

    const login = await page.goto('/admin/login')
    const policy = login!.headers()['content-security-policy']
    assert.include(policy, "script-src 'self'")
    assert.include(policy, "frame-ancestors 'none'")

    await signInAs(page, 'admin', `/r/clients/${id}`)
    await page.getByTestId('client-tab-dashboard').click()
    await page.getByTestId('dashboard-by-channel').locator('canvas').first().waitFor()
    await page.getByTestId('dashboard-by-result').locator('canvas').first().waitFor()
    assert.deepEqual(await violationsOf(page), [])

    await page.goto('/admin/r/clients')
    await page.locator('.ant-table-row').first().waitFor()
    assert.deepEqual(await violationsOf(page), [])

    await page.goto('/admin/plugins')
    await page.getByTestId('plugin-table').waitFor()
    assert.deepEqual(await violationsOf(page), [])
    assert.deepEqual(
      ui.pageErrors.filter((error) =>
        /Content Security Policy|Refused to|could not be drawn/i.test(error)
      ),
      []
    )
  })
})

import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Group } from '@japa/runner/core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { ensureAdminBuilt } from './admin_build.ts'
import { appUrl } from './app_url.ts'
import { launchChromium } from './chromium.ts'
import { ensureDemoUsers } from './demo_users.ts'

const SCREENSHOTS_DIR = fileURLToPath(new URL('../../../tmp/screenshots/', import.meta.url))

export interface AdminUi {
  browser: Browser
  context: BrowserContext
  page: Page
  /** Uncaught errors and console errors of the current page, printed when a test fails. */
  pageErrors: string[]
}

function fileNameFor(title: string) {
  return `${title
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()}.png`
}

/**
 * Wires a test group to the admin: the bundle is built and the demo users exist before the
 * group; every test gets a fresh browser context (no cookies, empty localStorage) on the test
 * server; a failing test leaves a screenshot in tmp/screenshots/.
 */
export function useAdminUi(group: Group): AdminUi {
  const ui = { pageErrors: [] as string[] } as AdminUi

  group.setup(async () => {
    await Promise.all([ensureAdminBuilt(), ensureDemoUsers()])
    ui.browser = await launchChromium()
    return () => ui.browser.close()
  })

  group.each.setup(async (test) => {
    ui.pageErrors = []
    ui.context = await ui.browser.newContext({
      baseURL: appUrl(),
      locale: 'es-ES',
      viewport: { width: 1280, height: 800 },
    })
    ui.page = await ui.context.newPage()
    ui.page.on('pageerror', (error) => ui.pageErrors.push(`pageerror: ${error.message}`))
    ui.page.on('console', (message) => {
      if (message.type() === 'error') ui.pageErrors.push(`console: ${message.text()}`)
    })
    // The console names no URL: which request failed (its path only, never its query).
    ui.page.on('response', (response) => {
      if (response.status() < 400) return
      const { pathname } = new URL(response.url())
      ui.pageErrors.push(
        `response: ${response.status()} ${response.request().method()} ${pathname}`
      )
    })

    return async (hasError: boolean) => {
      if (hasError) {
        await mkdir(SCREENSHOTS_DIR, { recursive: true })
        const path = `${SCREENSHOTS_DIR}${fileNameFor(test.title)}`
        await ui.page.screenshot({ path, fullPage: true }).catch(() => {})
        console.error(`Screenshot: ${path}\nURL: ${ui.page.url()}\n${ui.pageErrors.join('\n')}`)
      }
      await ui.context.close()
    }
  })

  return ui
}

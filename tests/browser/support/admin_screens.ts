import type { Page } from 'playwright-core'
import { demoUser, type DemoRole } from './demo_users.ts'

/**
 * What a user does on the admin's screens, written once so the specs read like the feature
 * list. Selectors use the `data-testid`s the admin sets and the texts users read.
 */
export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

/** Opens the admin at `path` (below /admin) signed in as the demo user of the role. */
export async function signInAs(page: Page, role: DemoRole, path = '/') {
  const user = demoUser(role)
  await page.goto(`/admin/login?to=${encodeURIComponent(path)}`)
  await signInThroughForm(page, user.email, user.password)
  await page.getByTestId('current-user').waitFor()
}

/** The sider menu entry labelled exactly `label` ("Saludo" is not "Saludos"). */
export function menuEntry(page: Page, label: string) {
  return page
    .locator('.ant-layout-sider .ant-menu-item')
    .filter({ has: page.getByText(label, { exact: true }) })
}

/** Opens a sider group (a submenu such as "Parámetros"), then its entry labelled `label`. */
export async function openMenuEntry(page: Page, group: string, label: string) {
  await page.locator('.ant-layout-sider .ant-menu-submenu-title').filter({ hasText: group }).click()
  await menuEntry(page, label).click()
}

/** Flips a plugin's switch on the plugin manager and confirms the question it asks. */
export async function togglePlugin(page: Page, name: string, confirmLabel: string) {
  await page.getByTestId(`plugin-toggle-${name}`).click()
  const confirm = openConfirmation(page).getByRole('button', { name: confirmLabel })
  await confirm.click()
  // The next toggle's question must not be confused with this one while it fades out.
  await confirm.waitFor({ state: 'hidden' })
}

/** The confirmation popover currently open (closed ones stay in the DOM, hidden). */
export function openConfirmation(page: Page) {
  return page.locator('.ant-popconfirm:not(.ant-popover-hidden)')
}

/** The plugin manager's state tag for a plugin once it reads `state`. */
export async function waitForPluginState(page: Page, name: string, state: string) {
  await page.getByTestId(`plugin-state-${name}`).filter({ hasText: state }).waitFor()
}

/**
 * Marks the current document so a test can prove a change happened without a page reload:
 * the mark survives client-side updates and vanishes on navigation. (Code passed to
 * `evaluate` runs in the page; `globalThis` is its window.)
 */
type MarkedWindow = { tableroMark?: boolean }

export async function markDocument(page: Page) {
  await page.evaluate(() => ((globalThis as MarkedWindow).tableroMark = true))
}

export async function documentIsMarked(page: Page) {
  return page.evaluate(() => (globalThis as MarkedWindow).tableroMark === true)
}

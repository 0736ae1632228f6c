import type { Locator, Page } from 'playwright-core'

/**
 * Driving antd widgets the way a user does: they render their menus in portals at the end of
 * the document, so the open one is found by its "not hidden" class.
 */
export function openDropdown(page: Page) {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
}

/** Whether the Select (its root or an element inside it) takes several values. */
async function isMultipleSelect(select: Locator) {
  const root = select.locator('xpath=ancestor-or-self::*[contains(@class, "ant-select-multiple")]')
  const inside = select.locator('.ant-select-multiple')
  return (await root.count()) + (await inside.count()) > 0
}

/**
 * antd renders long option lists virtually: only the options in view exist in the page. Scroll
 * the open menu until the wanted one is rendered (or the list ends).
 */
async function revealOption(page: Page, option: Locator) {
  const menu = openDropdown(page)
  await menu.waitFor()
  for (let step = 0; step < 40 && (await option.count()) === 0; step++) {
    await menu.hover()
    await page.mouse.wheel(0, 160)
    await page.waitForTimeout(50)
  }
}

/**
 * Opens a Select and clicks the option whose text is exactly `label`. A multiple Select stays
 * open after a pick (more may follow), so it is closed with Escape; a single one closes itself.
 */
export async function chooseOption(page: Page, select: Locator, label: string) {
  await select.click()
  const option = openDropdown(page)
    .locator('.ant-select-item-option')
    .filter({ has: page.getByText(label, { exact: true }) })
    .first()
  await revealOption(page, option)
  await option.click()
  if (await isMultipleSelect(select)) await page.keyboard.press('Escape')
  // The next Select's menu must not be confused with this one while it fades out.
  await option.waitFor({ state: 'hidden' })
}

/** The validation messages antd shows under a generated form field. */
export function fieldError(page: Page, field: string) {
  return page.getByTestId(`form-item-${field}`).locator('.ant-form-item-explain-error')
}

/** Texts of one column of the generated list, top to bottom (the column's key is the field). */
export async function columnTexts(page: Page, field: string) {
  const header = page.getByTestId(`column-${field}`)
  const index = await header.evaluate(
    (cell) => (cell as unknown as { cellIndex: number }).cellIndex
  )
  return page
    .locator('.ant-table-tbody tr.ant-table-row')
    .locator(`td:nth-child(${index + 1})`)
    .allInnerTexts()
}

/** Types into a searchable Select (related records) and clicks the option labelled `label`. */
export async function searchAndChoose(page: Page, select: Locator, text: string, label: string) {
  await select.click()
  await select.locator('input').fill(text)
  const option = openDropdown(page).locator('.ant-select-item-option').filter({ hasText: label })
  await option.first().click()
  await option.first().waitFor({ state: 'hidden' })
}

/** The antd notification that reads `text`, once it shows. */
export async function waitForNotice(page: Page, text: string) {
  await page.locator('.ant-notification-notice', { hasText: text }).first().waitFor()
}

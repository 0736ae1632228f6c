import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

const SHOTS_DIR = fileURLToPath(new URL('../../../tmp/screenshots/', import.meta.url))

/**
 * Saves a full-page picture of a screen worth looking at (tmp/screenshots/<name>.png), so a
 * reviewer can see what a test saw without rerunning it.
 */
export async function keepScreenshot(page: Page, name: string) {
  await mkdir(SHOTS_DIR, { recursive: true })
  await page.screenshot({ path: `${SHOTS_DIR}${name}.png`, fullPage: true })
}

import { test } from '@japa/runner'
import type { Response } from 'playwright-core'
import { INITIAL_JS_BUDGET_BYTES } from '../../admin/build/initial_bundle_size.ts'
import { useAdminUi } from './support/admin_ui.ts'

interface ScriptDownload {
  url: string
  encoding: string | undefined
  wireBytes: number
}

/** What the server sent for one script: its encoding and the body bytes on the wire. */
async function scriptDownload(response: Response): Promise<ScriptDownload> {
  const sizes = await response.request().sizes()
  return {
    url: response.url(),
    encoding: response.headers()['content-encoding'],
    wireBytes: sizes.responseBodySize,
  }
}

test.group('Admin bundle', (group) => {
  const ui = useAdminUi(group)

  test('the sign-in page downloads under 400 kB of JavaScript as sent, compressed, plugins apart', async ({
    assert,
  }) => {
    const { page } = ui
    const downloads: Promise<ScriptDownload>[] = []
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') downloads.push(scriptDownload(response))
    })
    await page.goto('/admin/login')
    await page.getByTestId('login-submit').waitFor()
    await page.waitForLoadState('networkidle')
    const scripts = await Promise.all(downloads)

    assert.isAbove(scripts.length, 0)
    for (const script of scripts) assert.equal(script.encoding, 'br', script.url)
    const wireBytes = scripts.reduce((total, script) => total + script.wireBytes, 0)
    assert.isBelow(wireBytes, INITIAL_JS_BUDGET_BYTES)
    assert.notExists(
      scripts.find((script) => script.url.includes('plugin-')),
      'a plugin chunk is part of the first download'
    )
  })
})

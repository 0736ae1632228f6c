import { test } from '@japa/runner'
import { INITIAL_JS_BUDGET_BYTES, measureInitialJs } from '../../admin/build/initial_bundle_size.ts'
import { ensureAdminBuilt } from './support/admin_build.ts'

test.group('Admin bundle', () => {
  test('the first download stays under 400 kB of gzipped JavaScript, plugins apart', async ({
    assert,
  }) => {
    const dist = await ensureAdminBuilt()
    const { files, gzipBytes } = measureInitialJs(dist)

    assert.isBelow(gzipBytes, INITIAL_JS_BUDGET_BYTES)
    assert.notExists(
      files.find((file) => file.file.includes('plugin-')),
      'a plugin chunk is part of the first download'
    )
  })
})

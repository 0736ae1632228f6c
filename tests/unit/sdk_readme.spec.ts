import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'

const EXAMPLE = 'tests/fixtures/plugins/recordatorios'

/** The names a module exports through `export { … } from` and `export type { … } from`. */
function exportedNames(source: string) {
  const names: string[] = []
  for (const [, list] of source.matchAll(/export (?:type )?\{([^}]+)\}/g)) {
    for (const item of list.split(',')) {
      const name = item
        .trim()
        .split(/\s+as\s+/)
        .pop()!
        .replace(/^type\s+/, '')
      if (name) names.push(name)
    }
  }
  return names
}

/**
 * backend/sdk/README.md is what a plugin author reads: it must name every
 * export of the SDK, and its example must be the plugin make:plugin writes.
 */
test.group('SDK README', () => {
  test('names every export of #sdk and #sdk/testing', async ({ assert }) => {
    const readme = await readFile(app.makePath('backend/sdk/README.md'), 'utf8')
    const names = [
      ...exportedNames(await readFile(app.makePath('backend/sdk/index.ts'), 'utf8')),
      ...exportedNames(await readFile(app.makePath('backend/sdk/testing.ts'), 'utf8')),
    ]
    assert.isAtLeast(names.length, 40)
    const missing = names.filter((name) => !new RegExp(`\\b${name}\\b`).test(readme))
    assert.deepEqual(missing, [], 'exports the README does not mention')
  })

  test('shows the scaffolded example plugin file by file, as generated', async ({ assert }) => {
    const readme = await readFile(app.makePath('backend/sdk/README.md'), 'utf8')
    const blocks = [...readme.matchAll(/^### `([^`]+)`\n\n```ts\n([\s\S]*?)```$/gm)]
    assert.isAtLeast(blocks.length, 6)
    for (const [, path, code] of blocks) {
      assert.equal(code, await readFile(app.makePath(EXAMPLE, path), 'utf8'), path)
    }
  })
})

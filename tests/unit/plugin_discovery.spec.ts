import { test } from '@japa/runner'
import { PluginRegistry } from '#kernel/plugin_registry'
import { dependencyOrder } from '#kernel/dependency_order'
import { validateManifest } from '#kernel/manifest_validator'
import type { PluginManifest } from '#kernel'

const manifest = (name: string, dependsOn: string[] = []): PluginManifest => ({
  name,
  version: '1.0.0',
  label: { es: name, en: name },
  description: { es: name, en: name },
  dependsOn,
})

async function discover(dirs: string) {
  return new PluginRegistry().discover({ TABLERO_PLUGIN_DIRS: dirs })
}

test.group('Plugin discovery', () => {
  test('finds fixture plugins and orders them after their dependencies', async ({ assert }) => {
    const manifests = await discover('tests/fixtures/plugins')
    assert.deepEqual(
      manifests.map((m) => m.name),
      ['hello', 'recordatorios', 'greeter-extra']
    )
  })

  test('orders a chain of dependencies whatever the folder order', ({ assert }) => {
    const ordered = dependencyOrder([
      manifest('c', ['b']),
      manifest('a'),
      manifest('b', ['a']),
      manifest('d', ['a', 'c']),
    ])
    assert.deepEqual(
      ordered.map((m) => m.name),
      ['a', 'b', 'c', 'd']
    )
  })

  test('a dependency cycle stops discovery naming the plugins', async ({ assert }) => {
    await assert.rejects(
      () => discover('tests/fixtures/broken/cycle'),
      'Plugins form a dependency cycle: alpha, beta'
    )
  })

  test('a missing dependency stops discovery naming both plugins', async ({ assert }) => {
    await assert.rejects(
      () => discover('tests/fixtures/broken/missing'),
      'Plugin "lonely" depends on "ghost", which is not installed'
    )
  })

  test('a malformed manifest names the plugin and the field', async ({ assert }) => {
    await assert.rejects(
      () => discover('tests/fixtures/broken/malformed'),
      /Plugin "bad-version": invalid manifest field "version"/
    )
  })

  test('a manifest whose name differs from its folder is refused', async ({ assert }) => {
    await assert.rejects(
      () => discover('tests/fixtures/broken/wrong-name'),
      'Plugin "folder-name": manifest name "another-name" must equal its folder name'
    )
  })

  test('a plugin.ts without a default export is refused', async ({ assert }) => {
    await assert.rejects(
      () => discover('tests/fixtures/broken/no-default'),
      'Plugin "empty": plugin.ts must export default definePlugin({...})'
    )
  })

  test('a plugin depending on itself is refused', ({ assert }) => {
    assert.throws(
      () => dependencyOrder([manifest('solo', ['solo'])]),
      'Plugin "solo" depends on itself'
    )
  })

  test('a plugin whose client rows move on merge without a client.merging hook is refused', async ({
    assert,
  }) => {
    const keeper = { ...manifest('keeper'), clientTables: { keeper_rows: 'moved' as const } }
    await assert.rejects(
      () => validateManifest('keeper', keeper),
      'Plugin "keeper": clientTables says "keeper_rows" is moved on merge, but there is no "client.merging" hook to move it'
    )
    await assert.rejects(
      () => validateManifest('keeper', { ...keeper, clientTables: { keeper_rows: 'kept' } }),
      /Plugin "keeper": invalid manifest field "clientTables.keeper_rows"/
    )
  })

  test("a plugin's jobs are a lazy import", async ({ assert }) => {
    const eager = { ...manifest('worker'), jobs: [] as never }
    await assert.rejects(
      () => validateManifest('worker', eager),
      `Plugin "worker": "jobs" must be a lazy import, e.g. () => import('./backend/jobs.ts')`
    )
  })
})

import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import plugins from '#services/plugins'
import grants from '#services/grants'
import { validateManifest } from '#kernel/manifest_validator'
import { ResourceRegistry } from '#resources/resource_registry'
import { defineResource, field } from '#resources'
import { signIn } from '#tests/helpers/auth'

interface MetaResource {
  name: string
  menu: { group: string } | null
}
interface MetaPlugin {
  name: string
  menu: Array<{ key: string; group?: string }>
}

async function metaOf(
  client: Parameters<typeof signIn>[0],
  role: 'admin' | 'supervisor' | 'agent'
) {
  const response = await (await signIn(client, role)).get('/api/meta')
  response.assertStatus(200)
  const { resources, plugins: enabled } = response.body().data as {
    resources: MetaResource[]
    plugins: MetaPlugin[]
  }
  const groupOf = (name: string) => resources.find((resource) => resource.name === name)?.menu
  const pageGroups = Object.fromEntries(
    enabled.flatMap((plugin) =>
      plugin.menu.map((entry) => [`${plugin.name}.${entry.key}`, entry.group])
    )
  )
  return { resources, groupOf, pageGroups }
}

const SATELLITES = [
  'client_phones',
  'client_emails',
  'client_addresses',
  'client_notes',
  'client_tasks',
  'client_relations',
]

test.group('Menus by job (seed 001): where each screen sits', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))
  // /api/meta seeds the grants inside the test's transaction, which rolls back: the next reader
  // must load (and seed) them again rather than trust this copy.
  group.each.teardown(() => grants.forget())

  test("an agent's menu lists clients, but not users, campaigns or a client's satellites", async ({
    client,
    assert,
  }) => {
    const { groupOf, resources } = await metaOf(client, 'agent')
    assert.deepEqual(groupOf('clients'), { group: 'clientes' })
    // Still readable (names in pickers, the client page's tabs), just not menu entries.
    for (const name of ['users', 'campaigns', ...SATELLITES, 'tip_gestiones', 'tip_callbacks']) {
      const resource = resources.find((candidate) => candidate.name === name)
      if (resource) assert.isNull(resource.menu, name)
    }
    assert.isDefined(resources.find((resource) => resource.name === 'client_phones'))
  })

  test("a supervisor's Parámetros holds Bases, Tipificaciones, Speech and Perfiles", async ({
    client,
    assert,
  }) => {
    const { groupOf, pageGroups } = await metaOf(client, 'supervisor')
    assert.deepEqual(groupOf('bases'), { group: 'parametros' })
    assert.deepEqual(groupOf('campaigns'), { group: 'campanas' })
    assert.deepEqual(groupOf('tip_gestiones'), { group: 'estadisticas' })
    assert.isNull(groupOf('users'))
    assert.containsSubset(pageGroups, {
      'tipificaciones.tipificaciones': 'parametros',
      'speech.speech': 'parametros',
      'custom-fields.custom-fields': 'parametros',
      'tipificaciones.tipificaciones-stats': 'estadisticas',
      'upg.upg-antifraude': 'busqueda',
    })
    assert.deepEqual(groupOf('upg_transactions'), { group: 'busqueda' })
    // The pages edit these resources better than a generic list would.
    for (const name of ['tip_results', 'speech_scripts', 'cf_profiles', 'cf_fields']) {
      assert.isNull(groupOf(name), name)
    }
  })

  test('an admin finds Usuarios under Administración', async ({ client, assert }) => {
    const { groupOf } = await metaOf(client, 'admin')
    assert.deepEqual(groupOf('users'), { group: 'administracion' })
  })

  test('a manifest or a resource naming an unknown menu group is refused by name', async ({
    assert,
  }) => {
    const manifest = {
      name: 'lost',
      version: '1.0.0',
      label: { es: 'Perdido', en: 'Lost' },
      description: { es: 'Perdido', en: 'Lost' },
      menu: [{ key: 'lost', label: { es: 'P', en: 'L' }, path: '/lost', group: 'nowhere' }],
    }
    await assert.rejects(
      () => validateManifest('lost', manifest),
      /Plugin "lost": invalid manifest field "menu.0.group"/
    )
    const registry = new ResourceRegistry(plugins)
    assert.throws(
      () =>
        registry.register(
          defineResource({
            name: 'lost_rows',
            table: 'lost_rows',
            label: { es: 'Perdidos', en: 'Lost' },
            fields: [field.id()],
            permissions: {},
            menu: { group: 'nowhere' as never },
          })
        ),
      /Resource "lost_rows" of the core: unknown menu group "nowhere"/
    )
  })
})

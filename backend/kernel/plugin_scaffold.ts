/**
 * File contents of a new plugin (make:plugin). Kept as plain templates:
 * the anatomy is small and a reader sees exactly what gets written.
 */
export function pluginScaffold(name: string, _now: Date): Record<string, string> {
  const title = name
    .split('-')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ')

  return {
    'plugin.ts': `import { definePlugin } from '#kernel'

export default definePlugin({
  name: '${name}',
  version: '0.1.0',
  label: { es: '${title}', en: '${title}' },
  description: { es: 'Describe lo que hace ${title}', en: 'Describe what ${title} does' },
  dependsOn: [],
  menu: [{ key: '${name}', label: { es: '${title}', en: '${title}' }, path: '/${name}' }],
  routes: () => import('./backend/routes.ts'),
})
`,
    'backend/routes.ts': `import type { PluginRoutes } from '#kernel'

/**
 * Mounted under /api/p/${name}, behind sign-in and the enabled-guard.
 */
const routes: PluginRoutes = (router) => {
  router.get('status', () => ({ data: { plugin: '${name}', ready: true } }))
}

export default routes
`,
    'database/migrations/.gitkeep': '',
    'admin/index.tsx': `import { definePluginAdmin } from '@tablero/admin'

/**
 * Pages and slot components of ${title}, lazy-loaded while it is enabled.
 */
export default definePluginAdmin({
  routes: [],
  slots: {},
})
`,
    [`tests/${name}.spec.ts`]: `import { test } from '@japa/runner'
import { signIn } from '#tests/helpers/auth'

test.group('${name} plugin', () => {
  test('answers its status to a signed-in user', async ({ client }) => {
    const admin = await signIn(client, 'admin')
    const response = await admin.get('/api/p/${name}/status')
    response.assertStatus(200)
    response.assertBodyContains({ data: { plugin: '${name}', ready: true } })
  })
})
`,
    'README.md': `# ${title}

What it does, for whom, and which FEATURES.md IDs it covers.

## Resources
None yet.

## Routes
- \`GET /api/p/${name}/status\`: health of the plugin.

## Permissions
None yet.

## Events
Emits none; listens to none.
`,
  }
}

import type { PluginRoutes } from '#sdk'

const ScriptsController = () => import('./scripts_controller.ts')

/**
 * Mounted under /api/p/speech (signed in, plugin enabled).
 */
const routes: PluginRoutes = (router) => {
  router.get('scripts', [ScriptsController, 'index'])
  router.post('scripts', [ScriptsController, 'store'])
  router.get('variables', [ScriptsController, 'variables'])
  router.get('render', [ScriptsController, 'render'])
  router.get('scripts/:id', [ScriptsController, 'show'])
  router.patch('scripts/:id', [ScriptsController, 'update'])
  router.delete('scripts/:id', [ScriptsController, 'destroy'])
  router.get('scripts/:id/versions', [ScriptsController, 'versions'])
  router.post('scripts/:id/versions/:versionId/restore', [ScriptsController, 'restore'])
}

export default routes

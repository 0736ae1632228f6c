import type { PluginRoutes } from '#sdk'

const ScriptsController = () => import('./scripts_controller.ts')

/**
 * Mounted under /api/p/speech (signed in, plugin enabled). Scripts and
 * their versions are written and read through the generic REST
 * (/api/r/speech_scripts, /api/r/speech_script_versions); only what the
 * generic REST cannot answer lives here.
 */
const routes: PluginRoutes = (router) => {
  router.get('variables', [ScriptsController, 'variables'])
  router.get('render', [ScriptsController, 'render'])
}

export default routes

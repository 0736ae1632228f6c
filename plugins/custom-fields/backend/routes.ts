import type { PluginRoutes } from '#sdk'

const ProfilesController = () => import('./profiles_controller.ts')
const FieldsController = () => import('./fields_controller.ts')

/**
 * Mounted under /api/p/custom-fields (signed in, plugin enabled). A field
 * is created, edited, retired (archived) and restored through the engine
 * at /api/r/cf_fields; only what is no row write stays here.
 */
const routes: PluginRoutes = (router) => {
  router.get('profiles', [ProfilesController, 'index'])
  router.post('profiles/:id/retire', [ProfilesController, 'retire'])
  router.post('profiles/:id/restore', [ProfilesController, 'restore'])
  router.post('profiles/:profileId/fields/reorder', [FieldsController, 'reorder'])
  router.post('fields/:id/change-type', [FieldsController, 'changeType'])
}

export default routes

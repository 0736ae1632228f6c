import type { PluginRoutes } from '#sdk'

const ProfilesController = () => import('./profiles_controller.ts')
const FieldsController = () => import('./fields_controller.ts')

/**
 * Mounted under /api/p/custom-fields (signed in, plugin enabled).
 */
const routes: PluginRoutes = (router) => {
  router.get('profiles', [ProfilesController, 'index'])
  router.post('profiles/:id/retire', [ProfilesController, 'retire'])
  router.post('profiles/:id/restore', [ProfilesController, 'restore'])
  router.post('profiles/:profileId/fields', [FieldsController, 'store'])
  router.post('profiles/:profileId/fields/reorder', [FieldsController, 'reorder'])
  router.post('fields/:id/retire', [FieldsController, 'retire'])
  router.post('fields/:id/restore', [FieldsController, 'restore'])
  router.post('fields/:id/change-type', [FieldsController, 'changeType'])
}

export default routes

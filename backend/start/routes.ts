/*
|--------------------------------------------------------------------------
| Routes
|--------------------------------------------------------------------------
|
| Everything under /api requires a signed-in user except sign-in itself
| and the health check. Plugin routes are mounted by the kernel under
| /api/p/<plugin>.
|
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { mountPluginRoutes } from '#kernel/plugin_routes'
import transmit from '@adonisjs/transmit/services/main'
import { LiveStreams } from '#services/live_streams'

const SessionController = () => import('#controllers/session_controller')
const PluginsController = () => import('#controllers/plugins_controller')
const PermissionsController = () => import('#controllers/permissions_controller')
const MetaController = () => import('#controllers/meta_controller')
const UsersController = () => import('#controllers/users_controller')
const ResourcesController = () => import('#controllers/resources_controller')
const ClientActionsController = () => import('#controllers/client_actions_controller')
const ClientPanelsController = () => import('#controllers/client_panels_controller')
const ClientAttachmentsController = () => import('#controllers/client_attachments_controller')
const CampaignAgentsController = () => import('#controllers/campaign_agents_controller')
const ResourceImportsController = () => import('#controllers/resource_imports_controller')
const JobsController = () => import('#controllers/jobs_controller')
const BasesController = () => import('#controllers/bases_controller')
const AssignmentsController = () => import('#controllers/assignments_controller')
const HealthController = () => import('#controllers/health_controller')

router.get('/', ({ response }) => response.redirect('/admin'))
router.get('/health', [HealthController, 'show'])

router
  .group(() => {
    router.post('auth/login', [SessionController, 'store'])
    router.post('auth/tokens', [SessionController, 'createToken'])
  })
  .prefix('/api')

router
  .group(() => {
    router.post('auth/logout', [SessionController, 'destroy'])
    router.get('auth/me', [SessionController, 'me'])
    router.delete('auth/tokens/current', [SessionController, 'destroyToken'])

    router.get('meta', [MetaController, 'show'])

    router.get('jobs/:id', [JobsController, 'show']).where('id', router.matchers.number())

    router.get('plugins', [PluginsController, 'index'])
    router.post('plugins/:name/enable', [PluginsController, 'enable'])
    router.post('plugins/:name/disable', [PluginsController, 'disable'])

    router.get('permissions', [PermissionsController, 'index'])
    router.put('permissions', [PermissionsController, 'update'])
    router.post('permissions/restore', [PermissionsController, 'restore'])

    router
      .post('users/:id/logout-everywhere', [UsersController, 'logoutEverywhere'])
      .where('id', router.matchers.number())

    router
      .group(() => {
        router.get('lookup', [ClientActionsController, 'lookup'])
        router.get(':id/duplicates', [ClientActionsController, 'duplicates'])
        router.post(':id/merge', [ClientActionsController, 'merge'])
        router.post(':id/notify', [ClientActionsController, 'notify'])
        router.get(':id/log', [ClientPanelsController, 'log'])
        router.get(':id/history', [ClientPanelsController, 'history'])
        router.get(':id/dashboard', [ClientPanelsController, 'dashboard'])
        router.get(':id/marketing', [ClientPanelsController, 'marketing'])
        router.put(':id/marketing', [ClientPanelsController, 'updateMarketing'])
        router.get(':id/attachments', [ClientAttachmentsController, 'index'])
        router.post(':id/attachments', [ClientAttachmentsController, 'store'])
        router.get(':id/attachments/:attachmentId/download', [
          ClientAttachmentsController,
          'download',
        ])
        router.delete(':id/attachments/:attachmentId', [ClientAttachmentsController, 'destroy'])
      })
      .prefix('clients')
      .where('id', router.matchers.number())

    router
      .get('campaigns/:id/agents', [CampaignAgentsController, 'index'])
      .where('id', router.matchers.number())
    router
      .put('campaigns/:id/agents', [CampaignAgentsController, 'update'])
      .where('id', router.matchers.number())

    router.post('assignments/count', [AssignmentsController, 'count'])
    router.post('assignments', [AssignmentsController, 'store'])

    router
      .group(() => {
        router.get('counts', [BasesController, 'counts'])
        router.get(':id/deletion', [BasesController, 'plan'])
        router.post(':id/delete', [BasesController, 'destroy'])
        router.get(':id/export.csv', [BasesController, 'export'])
        router.get('deletions/:deletionId', [BasesController, 'deletion'])
      })
      .prefix('bases')
      .where('id', router.matchers.number())
      .where('deletionId', router.matchers.number())

    router.get('r/:resource/import/template.csv', [ResourceImportsController, 'template'])
    router.post('r/:resource/imports', [ResourceImportsController, 'store'])
    router.post('r/:resource/imports/preview', [ResourceImportsController, 'preview'])
    router
      .get('r/:resource/imports/:id', [ResourceImportsController, 'show'])
      .where('id', router.matchers.number())
    router
      .post('r/:resource/imports/:id/start', [ResourceImportsController, 'start'])
      .where('id', router.matchers.number())
    router
      .get('r/:resource/imports/:id/errors.csv', [ResourceImportsController, 'errors'])
      .where('id', router.matchers.number())
    router
      .get('r/:resource/imports/:id/rejected.csv', [ResourceImportsController, 'rejected'])
      .where('id', router.matchers.number())

    router.get('r/:resource', [ResourcesController, 'index'])
    router.post('r/:resource/query', [ResourcesController, 'query'])
    router.get('r/:resource/export.csv', [ResourcesController, 'export'])
    router.post('r/:resource/bulk-update', [ResourcesController, 'bulkUpdate'])
    router.post('r/:resource/bulk-delete', [ResourcesController, 'bulkDelete'])
    router.post('r/:resource', [ResourcesController, 'store'])
    router.get('r/:resource/:id/history', [ResourcesController, 'history'])
    router.post('r/:resource/:id/archive', [ResourcesController, 'archive'])
    router.post('r/:resource/:id/restore', [ResourcesController, 'restore'])
    router.get('r/:resource/:id', [ResourcesController, 'show'])
    router.patch('r/:resource/:id', [ResourcesController, 'update'])
    router.delete('r/:resource/:id', [ResourcesController, 'destroy'])
  })
  .prefix('/api')
  .use(middleware.auth())

/**
 * Live updates (server-sent events, `LiveUpdates`): the stream and its
 * subscriptions are for signed-in users, and a user subscribes only to
 * their own channel. The open streams are ended before the HTTP server closes (LiveStreams).
 */
transmit.registerRoutes((route) => route.use(middleware.auth()))
LiveStreams.watch()
transmit.authorize<{ id: string }>('users/:id', (ctx, { id }) => ctx.auth.user?.id === Number(id))

await mountPluginRoutes(router, middleware)

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

const SessionController = () => import('#controllers/session_controller')
const PluginsController = () => import('#controllers/plugins_controller')
const MetaController = () => import('#controllers/meta_controller')
const UsersController = () => import('#controllers/users_controller')

router.get('/', ({ response }) => response.redirect('/admin'))
router.get('/health', () => ({ data: { status: 'ok' } }))

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

    router.get('plugins', [PluginsController, 'index'])
    router.post('plugins/:name/enable', [PluginsController, 'enable'])
    router.post('plugins/:name/disable', [PluginsController, 'disable'])

    router.get('users', [UsersController, 'index'])
    router.post('users', [UsersController, 'store'])
    router.patch('users/:id', [UsersController, 'update']).where('id', router.matchers.number())
    router
      .post('users/:id/logout-everywhere', [UsersController, 'logoutEverywhere'])
      .where('id', router.matchers.number())
  })
  .prefix('/api')
  .use(middleware.auth())

await mountPluginRoutes(router, middleware)

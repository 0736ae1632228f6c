/*
|--------------------------------------------------------------------------
| HTTP kernel
|--------------------------------------------------------------------------
|
| Server middleware runs on every request; router middleware on matched
| routes; named middleware is attached per route or group.
|
*/
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

const requestLoad = () => import('#middleware/request_load_middleware')
const containerBindings = () => import('#middleware/container_bindings_middleware')
const adminStatic = () => import('#middleware/admin_static_middleware')
const initializeAuth = () => import('@adonisjs/auth/initialize_auth_middleware')
const initializeBouncer = () => import('#middleware/initialize_bouncer_middleware')
const auth = () => import('#middleware/auth_middleware')
const pluginEnabled = () => import('#middleware/plugin_enabled_middleware')

server.use([requestLoad, containerBindings, adminStatic])

router.use([
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('#middleware/json_body_middleware'),
  () => import('#middleware/browser_security_middleware'),
  initializeAuth,
  initializeBouncer,
])

export const middleware = router.named({ auth, pluginEnabled })

/**
 * Middleware that keep nothing of a request in their instance (no fields,
 * no constructor dependencies): the container hands every request the one
 * instance built here, as Adonis does for its body parser, instead of
 * constructing each of them for every request. A middleware that starts
 * keeping per-request state, or needs injections, leaves this list.
 */
for (const load of [
  requestLoad,
  containerBindings,
  adminStatic,
  initializeAuth,
  initializeBouncer,
  auth,
  pluginEnabled,
]) {
  const { default: Middleware } = await load()
  app.container.bindValue(Middleware, new Middleware())
}

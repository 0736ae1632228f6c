import type { HttpRouterService } from '@adonisjs/core/types'
import plugins from '#services/plugins'

interface PluginMiddleware {
  auth: () => any
  pluginEnabled: (options: { plugin: string }) => any
}

/** Where plugins' webhooks live (no session, so no CSRF check: config/shield.ts). */
export const WEBHOOKS_PREFIX = '/api/webhooks'

/**
 * Mounts every discovered plugin's routes once, at boot, under
 * /api/p/<plugin>, behind authentication and the enabled-guard, and its
 * webhooks under /api/webhooks/<plugin>, behind the enabled-guard only. Disabled
 * plugins keep their routes registered: the guard answers 404 until the
 * plugin is enabled again, so toggling needs no restart.
 */
export async function mountPluginRoutes(router: HttpRouterService, middleware: PluginMiddleware) {
  for (const manifest of plugins.manifests) {
    if (manifest.routes) {
      const { default: register } = await manifest.routes()
      router
        .group(() => register(router))
        .prefix(`/api/p/${manifest.name}`)
        .use([middleware.auth(), middleware.pluginEnabled({ plugin: manifest.name })])
    }
    // Outside systems have no session: these handlers authenticate the caller themselves.
    if (manifest.webhooks) {
      const { default: register } = await manifest.webhooks()
      router
        .group(() => register(router))
        .prefix(`${WEBHOOKS_PREFIX}/${manifest.name}`)
        .use([middleware.pluginEnabled({ plugin: manifest.name })])
    }
  }
}

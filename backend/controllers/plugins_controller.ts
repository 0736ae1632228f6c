import type { HttpContext } from '@adonisjs/core/http'
import plugins from '#services/plugins'
import { actorFromContext } from '#services/audit_log'

/**
 * The plugin manager's API (admins only): list, enable, disable.
 */
export default class PluginsController {
  async index({ bouncer }: HttpContext) {
    await bouncer.authorize('managePlugins')
    await plugins.refresh()
    return { data: plugins.list() }
  }

  async enable(ctx: HttpContext) {
    await ctx.bouncer.authorize('managePlugins')
    return { data: await plugins.enable(ctx.params.name, actorFromContext(ctx)) }
  }

  async disable(ctx: HttpContext) {
    await ctx.bouncer.authorize('managePlugins')
    return { data: await plugins.disable(ctx.params.name, actorFromContext(ctx)) }
  }
}

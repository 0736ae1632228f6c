import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { TableroError } from '#exceptions/tablero_error'
import plugins from '#services/plugins'

/**
 * Guards every route of a plugin: while the plugin is disabled its routes
 * answer 404 PLUGIN_DISABLED, without a restart or a re-registration.
 */
export default class PluginEnabledMiddleware {
  async handle(_ctx: HttpContext, next: NextFn, options: { plugin: string }) {
    await plugins.refresh()
    if (!plugins.isEnabled(options.plugin)) {
      throw new TableroError(
        'PLUGIN_DISABLED',
        `The plugin "${options.plugin}" is disabled`,
        404,
        undefined,
        { name: options.plugin }
      )
    }
    return next()
  }
}

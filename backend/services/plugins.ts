import app from '@adonisjs/core/services/app'
import type { PluginRegistry } from '#kernel/plugin_registry'

let plugins: PluginRegistry

/**
 * The plugin registry singleton, for code that cannot receive it by
 * injection (routes, middleware, commands).
 */
await app.booted(async () => {
  plugins = await app.container.make('tablero.plugins')
})

export { plugins as default }

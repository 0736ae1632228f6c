import type { EmitterService } from '@adonisjs/core/types'
import type { PluginRegistry } from './plugin_registry.ts'

/**
 * Subscribes every plugin's declared event handlers to the app emitter.
 * Handlers are loaded lazily on first use and skipped while their plugin
 * is disabled, so toggling needs no re-subscription.
 */
export class PluginEventBridge {
  constructor(
    private registry: PluginRegistry,
    private emitter: EmitterService
  ) {}

  listen() {
    for (const manifest of this.registry.manifests) {
      for (const [event, load] of Object.entries(manifest.events ?? {})) {
        this.emitter.on(event as never, async (payload: unknown) => {
          await this.registry.refresh()
          if (!this.registry.isEnabled(manifest.name)) return
          const { default: handler } = await load()
          await handler(payload)
        })
      }
    }
  }
}

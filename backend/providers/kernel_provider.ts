import type { ApplicationService } from '@adonisjs/core/types'
import { PluginRegistry } from '#kernel/plugin_registry'
import { PluginEventBridge } from '#kernel/plugin_events'

declare module '@adonisjs/core/types' {
  interface ContainerBindings {
    'tablero.plugins': PluginRegistry
  }
}

/**
 * Wires the plugin kernel: discovery happens while the app boots, so a
 * broken manifest stops boot with the plugin's name before any route or
 * command runs; plugin states are read once the app is ready.
 */
export default class KernelProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton('tablero.plugins', () => new PluginRegistry())
  }

  async boot() {
    const registry = await this.app.container.make('tablero.plugins')
    await registry.discover()
    const emitter = await this.app.container.make('emitter')
    new PluginEventBridge(registry, emitter).listen()
  }

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const registry = await this.app.container.make('tablero.plugins')
    await registry.refresh(true)
    const { PluginToggleBroadcast } = await import('#kernel/plugin_broadcast')
    await PluginToggleBroadcast.start(registry)
  }

  async shutdown() {
    const { PluginToggleBroadcast } = await import('#kernel/plugin_broadcast')
    await PluginToggleBroadcast.stop()
  }
}

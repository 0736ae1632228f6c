import type { ApplicationService } from '@adonisjs/core/types'
import { PluginRegistry } from '#kernel/plugin_registry'
import { PluginEventBridge } from '#kernel/plugin_events'
import { ResourceRegistry } from '#resources/resource_registry'
import { Grants } from '#abilities/grants'
import { coreResources } from '#resources/core/index'
import { leaseSqliteConnection } from '#services/sqlite_connection_lease'

declare module '@adonisjs/core/types' {
  interface ContainerBindings {
    'tablero.plugins': PluginRegistry
    'tablero.resources': ResourceRegistry
    'tablero.grants': Grants
  }
}

/**
 * Wires the plugin kernel: discovery happens while the app boots, so a
 * broken manifest stops boot with the plugin's name before any route or
 * command runs; plugin states are read once the app is ready.
 */
export default class KernelProvider {
  #importSweep: NodeJS.Timeout | null = null

  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton('tablero.plugins', () => new PluginRegistry())
    this.app.container.singleton(
      'tablero.resources',
      async (resolver) => new ResourceRegistry(await resolver.make('tablero.plugins'))
    )
    this.app.container.singleton(
      'tablero.grants',
      async (resolver) => new Grants(await resolver.make('tablero.plugins'))
    )
  }

  async boot() {
    await this.#leaseSqliteConnection()
    const registry = await this.app.container.make('tablero.plugins')
    await registry.discover()
    await this.#registerResources(registry)
    const emitter = await this.app.container.make('emitter')
    new PluginEventBridge(registry, emitter).listen()
  }

  /**
   * On SQLite, the app's one connection is handed out without the pool's
   * per-query bookkeeping (backend/services/sqlite_connection_lease.ts).
   * Connected here, before anything queries, so the pool is still idle.
   */
  async #leaseSqliteConnection() {
    const db = await this.app.container.make('lucid.db')
    const name = db.primaryConnectionName
    if (db.manager.get(name)?.config.client !== 'better-sqlite3') return
    db.manager.connect(name)
    const knexClient = db.manager.get(name)?.connection?.client?.client
    if (!knexClient) return
    const logger = await this.app.container.make('logger')
    leaseSqliteConnection(knexClient, (timeout) =>
      logger.error(
        { waitedMs: timeout.waitedMs, heldForMs: timeout.heldForMs, holder: timeout.holderStack },
        'SQLite connection held past the acquire timeout: the holder began here'
      )
    )
  }

  /**
   * Core resources, then every plugin's (enabled or not: the registry hides
   * a disabled plugin's resources at request time).
   */
  async #registerResources(plugins: PluginRegistry) {
    const resources = await this.app.container.make('tablero.resources')
    for (const definition of coreResources) resources.register(definition)
    for (const manifest of plugins.manifests) {
      if (!manifest.resources) continue
      const { default: definitions } = await manifest.resources()
      for (const definition of definitions) {
        resources.register({ ...definition, plugin: manifest.name })
      }
    }
    for (const manifest of plugins.manifests) {
      if (!manifest.setup) continue
      const { default: setup } = await manifest.setup()
      await setup({ name: manifest.name, resources, plugins })
    }
  }

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const registry = await this.app.container.make('tablero.plugins')
    await registry.refresh(true)
    const { PluginToggleBroadcast } = await import('#kernel/plugin_broadcast')
    await PluginToggleBroadcast.start(registry)
    const grants = await this.app.container.make('tablero.grants')
    await grants.refresh(true)
    const { GrantsBroadcast } = await import('#abilities/grants_broadcast')
    await GrantsBroadcast.start(grants)
    const { AuthCacheBroadcast } = await import('#services/auth_cache_broadcast')
    await AuthCacheBroadcast.start()
    // Imports this process ran before it restarted are resumable at once;
    // those of another node that died, once silent for two minutes.
    const { ImportJobs, SWEEP_EVERY_MS } = await import('#resources/imports/import_jobs')
    await ImportJobs.interruptOwn()
    const { ImportThread } = await import('#resources/imports/import_thread')
    ImportThread.prepare()
    // Jobs nobody starts give their file back after a week; previews nobody confirms, after a day.
    const sweep = () =>
      Promise.all([
        ImportJobs.interruptStale(),
        ImportJobs.expireIdle(),
        ImportJobs.expirePreviews(),
      ])
    await sweep()
    this.#importSweep = setInterval(() => {
      sweep().catch(() => {})
    }, SWEEP_EVERY_MS)
    this.#importSweep.unref()
  }

  async shutdown() {
    if (this.#importSweep) clearInterval(this.#importSweep)
    // A running import's open batch rolls back; `start` (or the next boot) resumes it.
    const { ImportThread } = await import('#resources/imports/import_thread')
    await ImportThread.terminate()
    const { PluginToggleBroadcast } = await import('#kernel/plugin_broadcast')
    const { AuthCacheBroadcast } = await import('#services/auth_cache_broadcast')
    AuthCacheBroadcast.stop()
    const { GrantsBroadcast } = await import('#abilities/grants_broadcast')
    GrantsBroadcast.stop()
    await PluginToggleBroadcast.stop()
  }
}

import app from '@adonisjs/core/services/app'
import type { ResourceRegistry } from '#resources/resource_registry'

let resources: ResourceRegistry

/**
 * The resource registry singleton, for controllers and the meta endpoint.
 */
await app.booted(async () => {
  resources = await app.container.make('tablero.resources')
})

export { resources as default }

import type { HttpContext } from '@adonisjs/core/http'
import resources from '#services/resources'
import plugins from '#services/plugins'
import { ResourceService } from '#resources/resource_service'

/**
 * The ResourceService of a request, with plugin states and run-time fields
 * (custom fields) brought up to date first: every controller that reads or
 * writes resources goes through here.
 */
export async function resourceService(ctx: HttpContext) {
  await plugins.refresh()
  await resources.refreshFields()
  return new ResourceService(resources, ctx)
}

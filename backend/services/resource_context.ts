import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import resources from '#services/resources'
import plugins from '#services/plugins'
import { ResourceService } from '#resources/resource_service'
import type { AuditActor } from '#services/audit_log'

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

/**
 * The ResourceService of background work done for a user (a job it
 * dispatched; a job's `userId` will do): the same permissions and row
 * scopes as that user's requests; `origin` is the request that asked for
 * it, when there was one (its IP and id go into the audit).
 */
export async function resourceServiceAs(
  who: User | number,
  origin: Pick<AuditActor, 'ip' | 'requestId'> = { ip: null, requestId: null }
) {
  const user = typeof who === 'number' ? await User.findOrFail(who) : who
  const context = {
    auth: { user, getUserOrFail: () => user },
    request: { ip: () => origin.ip, id: () => origin.requestId },
  }
  return resourceService(context as unknown as HttpContext)
}

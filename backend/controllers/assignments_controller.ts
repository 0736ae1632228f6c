import type { HttpContext } from '@adonisjs/core/http'
import { resourceService } from '#services/resource_context'
import { actorFromContext } from '#services/audit_log'
import { dispatchJob } from '#services/jobs/dispatch'
import { assignmentCountValidator, assignmentValidator } from '#validators/assignment'
import { AssignmentSet } from '#services/assignments/assignment_set'
import { ASSIGN_IN_REQUEST_MAX, AssignmentRun } from '#services/assignments/assignment_run'
import { assignClientsJob } from '#services/assignments/assign_clients_job'

/**
 * Asignaciones (D2): count a campaign's filtered clients, then assign them
 * to agents of the campaign (or unassign them). A small set is written in
 * the request; a large one by a background job the screen follows at
 * GET /api/jobs/:id.
 */
export default class AssignmentsController {
  async count(ctx: HttpContext) {
    const selection = await ctx.request.validateUsing(assignmentCountValidator)
    const set = await AssignmentSet.of(await resourceService(ctx), selection)
    return { data: await set.counts() }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(assignmentValidator)
    const run = await AssignmentRun.prepare(await resourceService(ctx), input)
    const counts = await run.check()
    const actor = actorFromContext(ctx)
    if (counts.matched <= ASSIGN_IN_REQUEST_MAX) {
      return { data: { outcome: await run.execute(actor) } }
    }
    const user = ctx.auth.getUserOrFail()
    const job = await dispatchJob(assignClientsJob, { input, actor }, { user })
    ctx.response.status(202)
    return { data: { jobId: job.id, clients: counts.matched } }
  }
}

import type { HttpContext } from '@adonisjs/core/http'
import { notFound } from '#resources/errors'
import { JobRuns } from '#services/jobs/job_runs'

/**
 * A background job's run, for the user who dispatched it (and admins):
 * status, progress, result or error. Anyone else gets 404, as if it did
 * not exist.
 */
export default class JobsController {
  async show({ auth, params }: HttpContext) {
    const user = auth.getUserOrFail()
    const id = Number(params.id)
    const row = Number.isSafeInteger(id) ? await JobRuns.find(id) : null
    if (!row || (user.role !== 'admin' && row.user_id !== user.id)) throw notFound('jobs')
    return { data: JobRuns.present(row) }
  }
}

import { defineJob } from '#services/jobs/define_job'
import User from '#models/user'
import type { AuditActor } from '#services/audit_log'
import { resourceServiceAs } from '#services/resource_context'
import type { AssignmentInput } from '#validators/assignment'
import { AssignmentRun } from './assignment_run.ts'
import type { AssignmentOutcome } from './client_assigner.ts'

export interface AssignClientsPayload {
  input: AssignmentInput
  actor: AuditActor
}

/**
 * A large Asignaciones order, run in the background as the supervisor who
 * confirmed it: everything is checked again (the set may have changed
 * while the job waited), then written batch by batch with progress.
 */
export const assignClientsJob = defineJob<AssignClientsPayload, AssignmentOutcome>({
  name: 'assignments.assign-clients',
  timeout: '30m',
  async handler({ payload, userId, progress }) {
    const user = await User.findOrFail(userId)
    const service = await resourceServiceAs(user)
    const run = await AssignmentRun.prepare(service, payload.input)
    return run.execute(payload.actor, (done, total) =>
      progress(Math.floor((done / total) * 100), `${done} / ${total}`)
    )
  },
})

import type { ResourceService } from '#resources/resource_service'
import type { AssignmentInput } from '#validators/assignment'
import type { AuditActor } from '#services/audit_log'
import { TableroError } from '#exceptions/tablero_error'
import { fieldInputError } from '#resources/errors'
import { withLock } from '#services/locks'
import { CampaignTeams } from '#services/campaign_teams'
import { AssignmentSet, type AssignmentCounts } from './assignment_set.ts'
import { ClientAssigner, type AssignmentOutcome } from './client_assigner.ts'

/** Sets larger than this run as a background job with a progress bar. */
export const ASSIGN_IN_REQUEST_MAX = 1_000

/**
 * An Asignaciones order (D2), checked and then carried out: the set is
 * selected (authorized), the agents must work the campaign, the set must
 * not be empty nor smaller than the team chosen, and it must still be the
 * set the supervisor confirmed. All of that is checked before anything is
 * written, so bad input changes nothing.
 */
export class AssignmentRun {
  private constructor(
    private input: AssignmentInput,
    private set: AssignmentSet
  ) {}

  /** The checks that need no lock: authorization, agents of the campaign. */
  static async prepare(service: ResourceService, input: AssignmentInput) {
    const set = await AssignmentSet.of(service, input)
    if (input.mode === 'assign') {
      const userIds = input.userIds ?? []
      if (userIds.length === 0) {
        throw fieldInputError('userIds', 'Choose at least one agent', 'required')
      }
      await CampaignTeams.requireMembers(input.campaignId, userIds, (i) => `userIds[${i}]`)
    }
    return new AssignmentRun(input, set)
  }

  /** The counts as they are now, refused when they cannot be carried out. */
  async check(): Promise<AssignmentCounts> {
    const counts = await this.set.counts()
    const { expected } = this.input
    if (counts.matched !== expected.matched || counts.assigned !== expected.assigned) {
      throw new TableroError(
        'ASSIGNMENT_CHANGED',
        `The selection changed since it was counted: ${expected.matched} clients (${expected.assigned} assigned) then, ${counts.matched} (${counts.assigned} assigned) now. Count again and confirm`,
        409,
        [
          {
            field: 'expected',
            message: 'The selection changed since it was counted',
            rule: 'changed',
            meta: { expected, now: counts },
          },
        ],
        {
          expectedMatched: expected.matched,
          expectedAssigned: expected.assigned,
          matched: counts.matched,
          assigned: counts.assigned,
        }
      )
    }
    if (counts.matched === 0) {
      throw fieldInputError('filter', 'No client matches this selection', 'noMatches')
    }
    const agents = this.input.userIds?.length ?? 0
    if (this.input.mode === 'assign' && counts.matched < agents) {
      throw fieldInputError(
        'userIds',
        `${counts.matched} clients cannot be shared between ${agents} agents: choose at most ${counts.matched}`,
        'fewerClients',
        { clients: counts.matched, agents }
      )
    }
    return counts
  }

  /**
   * Carries it out, one assignment of the campaign at a time (any node):
   * a second one waits for the first, then finds the set changed (409).
   */
  execute(actor: AuditActor, onProgress?: (done: number, total: number) => Promise<void>) {
    return withLock(
      `assignments:campaign:${this.input.campaignId}`,
      async (): Promise<AssignmentOutcome> => {
        const counts = await this.check()
        const ids = await this.set.ids()
        const assigner = new ClientAssigner(
          actor,
          this.input.campaignId,
          counts.matched,
          onProgress
        )
        return this.input.mode === 'assign'
          ? assigner.assign(ids, this.input.userIds!)
          : assigner.unassign(ids)
      },
      { ttl: '30m', wait: '30s' }
    )
  }
}

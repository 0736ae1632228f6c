import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { ResourceService } from '#resources/resource_service'
import type { AssignmentSelection } from '#validators/assignment'
import { CampaignTeams } from '#services/campaign_teams'

/** How many clients a selection holds, and how many of those have an assigned user. */
export interface AssignmentCounts {
  matched: number
  assigned: number
}

/**
 * The clients an Asignaciones screen selects (D2): a campaign's clients,
 * through the engine's filter tree (custom fields included) and the
 * user's scope, narrowed by record type, the first `limit` by id. Only a
 * supervisor of the campaign (or an admin) may select them.
 */
export class AssignmentSet {
  private constructor(
    readonly campaignId: number,
    private query: DatabaseQueryBuilderContract,
    readonly limit: number | null
  ) {}

  static async of(service: ResourceService, selection: AssignmentSelection) {
    CampaignTeams.requireSupervisor(service.user)
    await service.visibleRow('campaigns', selection.campaignId, 'show')
    const { query } = service.matching('clients', { filter: selection.filter }, 'update')
    query.where('campaign_id', selection.campaignId)
    if (selection.recordType === 'assigned') query.whereNotNull('assigned_user_id')
    if (selection.recordType === 'unassigned') query.whereNull('assigned_user_id')
    return new AssignmentSet(selection.campaignId, query, selection.limit ?? null)
  }

  /** The selected rows' columns: the first `limit` by id when there is a limit. */
  #picked(columns: string[]) {
    const picked = this.query.clone().select(columns)
    if (this.limit !== null) picked.orderBy('id', 'asc').limit(this.limit)
    return picked
  }

  async counts(): Promise<AssignmentCounts> {
    const row = await db
      .connection()
      .from(this.#picked(['id', 'assigned_user_id']).as('picked'))
      .count('* as matched')
      .count('assigned_user_id as assigned')
      .first()
    return { matched: Number(row?.matched ?? 0), assigned: Number(row?.assigned ?? 0) }
  }

  /** The ids of the selected clients, ascending. */
  async ids(): Promise<number[]> {
    const rows = await this.#picked(['id']).orderBy('id', 'asc')
    return rows.map((row) => Number(row.id))
  }
}

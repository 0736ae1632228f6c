import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import { TableroError } from '#exceptions/tablero_error'
import { fieldInputError } from '#resources/errors'
import { can } from '#sdk/permissions'

/** The kernel permission that lets a role share out the clients of the campaigns it runs. */
export const ASSIGN_PERMISSION = 'assignments.manage'

/**
 * Campaign teams (C16): which users work a campaign (`campaign_agents`),
 * and who may hand a campaign's clients to them. One place answers both,
 * for the client card's rule, bulk edits and Asignaciones alike.
 *
 * A supervisor "supervises" the campaigns it may see when it holds
 * `assignments.manage` (every supervisor by default, a grant on Permisos):
 * no row scope narrows campaigns for supervisors today; one added later
 * narrows Asignaciones with it.
 */
export class CampaignTeams {
  static supervises(user: Pick<User, 'role'>) {
    return user.role === 'admin' || can(user, ASSIGN_PERMISSION)
  }

  /** 403 unless `user` supervises the campaign (see `supervises`). */
  static requireSupervisor(user: Pick<User, 'role'>) {
    if (this.supervises(user)) return
    throw new TableroError(
      'NOT_CAMPAIGN_SUPERVISOR',
      'Only an administrator or a supervisor of the campaign may assign its clients',
      403
    )
  }

  /** The ids of `userIds` that are in the campaign's team. */
  static async membersAmong(
    campaignId: number,
    userIds: number[],
    client: QueryClientContract = db.connection()
  ) {
    if (userIds.length === 0) return new Set<number>()
    const rows = await client
      .from('campaign_agents')
      .where('campaign_id', campaignId)
      .whereIn('user_id', userIds)
      .select('user_id')
    return new Set(rows.map((row) => Number(row.user_id)))
  }

  /**
   * A 422 on `field` (`userIds[2]`, `assigned_user_id`) for the first user
   * that does not work the campaign: a client goes only to its team.
   */
  static async requireMembers(
    campaignId: number,
    userIds: number[],
    field: (index: number) => string,
    client: QueryClientContract = db.connection()
  ) {
    const members = await this.membersAmong(campaignId, userIds, client)
    const outside = userIds.findIndex((id) => !members.has(id))
    if (outside < 0) return
    throw fieldInputError(
      field(outside),
      `User #${userIds[outside]} does not work in campaign #${campaignId}: add them to its team first`,
      'notInCampaign'
    )
  }
}

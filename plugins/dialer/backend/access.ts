import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { TableroError, fieldInputError, notFound, type User } from '#sdk'

/** Lists, do-not-call and settings are kept by whoever holds this (supervisors). */
export const MANAGE = 'dialer.manage'
/** Contacts are claimed from the hopper by whoever holds this (agents). */
export const WORK = 'dialer.work'

export interface DialerCampaign {
  id: number
  name: string
  type: string
  archived_at: unknown
}

/** A campaign a list can dial: an open outbound dialer campaign (422 on `campaignId` otherwise). */
export async function dialerCampaign(
  rawId: unknown,
  field = 'campaignId',
  client: QueryClientContract = db.connection()
) {
  const id = Number(rawId)
  const campaign =
    Number.isSafeInteger(id) && id > 0
      ? ((await client.from('campaigns').where('id', id).first()) as DialerCampaign | null)
      : null
  if (!campaign) throw fieldInputError(field, 'No such campaign', 'exists')
  if (campaign.type !== 'outbound_dialer') {
    throw fieldInputError(
      field,
      'Only an outbound dialer campaign has dialer lists',
      'dialerCampaign'
    )
  }
  if (campaign.archived_at) throw fieldInputError(field, 'The campaign is archived', 'archived')
  return campaign
}

/** An agent claims only in the campaigns it works (403); supervisors and admins in any. */
export async function requireCampaignAgent(user: User, campaignId: number) {
  if (user.role !== 'agent') return
  const member = await db
    .from('campaign_agents')
    .where({ campaign_id: campaignId, user_id: user.id })
    .first()
  if (!member) throw new TableroError('NOT_IN_CAMPAIGN', 'You do not work in this campaign', 403)
}

export function idParam(value: unknown, resource = 'dialer_contacts') {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound(resource)
  return id
}

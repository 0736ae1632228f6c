import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { type User, TableroError, fieldInputError, notFound } from '#sdk'

/** Result trees are built by whoever holds this (supervisors and admins by default: T1, T5). */
export const MANAGE = 'tipificaciones.manage'
/** Gestiones are recorded by whoever holds this (every role by default: T6). */
export const RECORD = 'tipificaciones.record'

export async function findCampaign(rawId: unknown, client: QueryClientContract = db.connection()) {
  const id = Number(rawId)
  const campaign = Number.isSafeInteger(id)
    ? await client.from('campaigns').where('id', id).first()
    : null
  if (!campaign) throw notFound('campaigns')
  return campaign as {
    id: number
    name: string
    type: 'inbound_voice' | 'outbound_dialer'
    archived_at: unknown
  }
}

/**
 * No gestión is recorded in an archived campaign: it is closed (the form
 * no longer offers it), though its past gestiones stay in the reports.
 */
export function requireOpenCampaign(campaign: { archived_at: unknown }) {
  if (!campaign.archived_at) return
  throw fieldInputError(
    'campaignId',
    'The campaign is archived: restore it to record gestiones in it',
    'archived'
  )
}

/**
 * An agent records gestiones only in the campaigns it works (403
 * otherwise); supervisors and admins in any.
 */
export async function requireCampaignMember(
  user: User,
  campaignId: number,
  client: QueryClientContract = db.connection()
) {
  if (user.role !== 'agent') return
  const member = await client
    .from('campaign_agents')
    .where({ campaign_id: campaignId, user_id: user.id })
    .first()
  if (!member) {
    throw new TableroError('NOT_IN_CAMPAIGN', 'You do not work in this campaign', 403)
  }
}

/** Every agent's agenda: seen, moved and reassigned by whoever holds this (supervisors: D5). */
export const AGENDA = 'tipificaciones.agenda'

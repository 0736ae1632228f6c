import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { type User, TableroError, fieldInputError, notFound } from '#sdk'

export function currentUser(ctx: HttpContext) {
  return ctx.auth.user as User
}

/** Result trees are built by supervisors and admins (T1, T5). */
export function requireManager(ctx: HttpContext) {
  const role = currentUser(ctx).role
  if (role !== 'admin' && role !== 'supervisor') {
    throw new TableroError('FORBIDDEN', 'Only supervisors and administrators manage results', 403)
  }
}

export async function findCampaign(rawId: unknown) {
  const id = Number(rawId)
  const campaign = Number.isSafeInteger(id)
    ? await db.from('campaigns').where('id', id).first()
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
export async function requireCampaignMember(user: User, campaignId: number) {
  if (user.role !== 'agent') return
  const member = await db
    .from('campaign_agents')
    .where({ campaign_id: campaignId, user_id: user.id })
    .first()
  if (!member) {
    throw new TableroError('NOT_IN_CAMPAIGN', 'You do not work in this campaign', 403)
  }
}

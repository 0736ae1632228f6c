import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import {
  AuditLog,
  authorize,
  actorFromContext,
  toSqlDateTime,
  fieldInputError,
  notFound,
} from '#sdk'
import { MANAGE, customFields } from './custom_fields.ts'
import { confirmValidator, profileCampaignsValidator, profileValidator } from './validators.ts'

/**
 * Profiles (P1): a name, the campaigns whose clients get its fields, and
 * a status; retiring hides its fields and keeps every value (P5).
 */
export default class ProfilesController {
  async index(ctx: HttpContext) {
    authorize(ctx, MANAGE)
    const profiles = await db.from('cf_profiles').orderBy('name')
    const links = await db.from('cf_profile_campaigns').select('profile_id', 'campaign_id')
    const fields = await db.from('cf_fields').orderBy('sort_order').orderBy('id')
    return {
      data: profiles.map((profile) => ({
        id: profile.id,
        name: profile.name,
        description: profile.description,
        status: profile.status,
        campaignIds: links
          .filter((l) => l.profile_id === profile.id)
          .map((l) => Number(l.campaign_id)),
        fields: fields.filter((f) => f.profile_id === profile.id).map(presentField),
      })),
    }
  }

  async store(ctx: HttpContext) {
    authorize(ctx, MANAGE)
    const payload = await ctx.request.validateUsing(profileValidator)
    const id = await db.transaction(async (trx) => {
      await uniqueName(trx, payload.name, null)
      await existingCampaigns(trx, payload.campaignIds)
      const now = toSqlDateTime(DateTime.utc())
      const [created] = await trx
        .insertQuery()
        .table('cf_profiles')
        .insert({
          name: payload.name,
          description: payload.description ?? null,
          status: 'active',
          created_at: now,
          updated_at: now,
        })
      await linkCampaigns(trx, Number(created), payload.campaignIds)
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'create',
        resource: 'cf_profiles',
        recordId: created,
        after: payload,
      })
      return Number(created)
    })
    customFields.invalidate()
    return ctx.response.created({ data: await profileSummary(id) })
  }

  /**
   * The campaigns whose clients get the profile's fields: a link table the
   * engine has no many-to-many for. Name and description are edited
   * through the generic REST (`PATCH /api/r/cf_profiles/:id`).
   */
  async campaigns(ctx: HttpContext) {
    authorize(ctx, MANAGE)
    const { campaignIds } = await ctx.request.validateUsing(profileCampaignsValidator)
    await db.transaction(async (trx) => {
      const profile = await findProfile(trx, ctx.params.id)
      await existingCampaigns(trx, campaignIds)
      const before = await trx
        .from('cf_profile_campaigns')
        .where('profile_id', profile.id)
        .select('campaign_id')
      await trx.from('cf_profile_campaigns').where('profile_id', profile.id).delete()
      await linkCampaigns(trx, profile.id, campaignIds)
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'campaigns',
        resource: 'cf_profiles',
        recordId: profile.id,
        before: { campaignIds: before.map((link) => Number(link.campaign_id)) },
        after: { campaignIds },
      })
    })
    customFields.invalidate()
    return { data: await profileSummary(Number(ctx.params.id)) }
  }

  async retire(ctx: HttpContext) {
    return this.#setStatus(ctx, 'retired')
  }

  async restore(ctx: HttpContext) {
    return this.#setStatus(ctx, 'active')
  }

  async #setStatus(ctx: HttpContext, status: 'active' | 'retired') {
    authorize(ctx, MANAGE)
    if (status === 'retired') await ctx.request.validateUsing(confirmValidator)
    await db.transaction(async (trx) => {
      const profile = await findProfile(trx, ctx.params.id)
      await trx
        .from('cf_profiles')
        .where('id', profile.id)
        .update({ status, updated_at: toSqlDateTime(DateTime.utc()) })
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: status === 'retired' ? 'retire' : 'restore',
        resource: 'cf_profiles',
        recordId: profile.id,
        before: { status: profile.status },
        after: { status },
      })
    })
    customFields.invalidate()
    return { data: await profileSummary(Number(ctx.params.id)) }
  }
}

export async function findProfile(client: QueryClientContract, rawId: unknown) {
  const id = Number(rawId)
  const profile = Number.isSafeInteger(id)
    ? await client.from('cf_profiles').where('id', id).first()
    : null
  if (!profile) throw notFound('cf_profiles')
  return profile as { id: number; name: string; description: string | null; status: string }
}

async function profileSummary(id: number) {
  const profile = await findProfile(db.connection(), id)
  const links = await db.from('cf_profile_campaigns').where('profile_id', id).select('campaign_id')
  return { ...profile, campaignIds: links.map((link) => Number(link.campaign_id)) }
}

async function uniqueName(client: QueryClientContract, name: string, exceptId: number | null) {
  const query = client.from('cf_profiles').where('name', name)
  if (exceptId) query.whereNot('id', exceptId)
  if (await query.first()) throw fieldInputError('name', 'Another profile has this name', 'unique')
}

async function existingCampaigns(client: QueryClientContract, ids: number[]) {
  if (ids.length === 0) return
  const found = await client.from('campaigns').whereIn('id', ids).select('id')
  const known = new Set(found.map((row) => Number(row.id)))
  const missing = ids.findIndex((id) => !known.has(id))
  if (missing >= 0) throw fieldInputError(`campaignIds[${missing}]`, 'No such campaign', 'exists')
}

async function linkCampaigns(
  client: QueryClientContract,
  profileId: number,
  campaignIds: number[]
) {
  if (campaignIds.length === 0) return
  await client
    .insertQuery()
    .table('cf_profile_campaigns')
    .multiInsert(
      campaignIds.map((campaignId) => ({ profile_id: profileId, campaign_id: campaignId }))
    )
}

export function presentField(row: Record<string, any>) {
  return {
    id: row.id,
    profileId: row.profile_id,
    key: row.key,
    type: row.type,
    label: { es: row.label_es, en: row.label_en },
    help: row.help_es || row.help_en ? { es: row.help_es ?? '', en: row.help_en ?? '' } : null,
    required: Boolean(Number(row.required)),
    defaultValue: row.default_value,
    options: row.options ? JSON.parse(row.options) : null,
    min: row.min === null ? null : Number(row.min),
    max: row.max === null ? null : Number(row.max),
    group: row.group_name,
    order: row.sort_order,
    status: row.archived_at ? 'retired' : 'active',
  }
}

import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { AuditLog, authorize, actorFromContext, toSqlDateTime, notFound } from '#sdk'
import { MANAGE, customFields } from './custom_fields.ts'
import { confirmValidator } from './validators.ts'

/**
 * Profiles (P1): a name, the campaigns whose clients get its fields, and
 * a status; retiring hides its fields and keeps every value (P5). A
 * profile is created and edited, campaigns included, through the generic
 * REST (`/api/r/cf_profiles`, its `campaigns` relations field); this
 * controller keeps the overview with the fields, and retire/restore.
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

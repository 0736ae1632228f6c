import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import {
  type User,
  TableroError,
  fieldInputError,
  notFound,
  AuditLog,
  actorFromContext,
  toSqlDateTime,
  resourceService,
} from '#sdk'
import { fillScript, sanitizeScript, variablesIn } from './script_html.ts'
import { valuesFor, variablesFor } from './script_variables.ts'
import { createScriptValidator, renderValidator, updateScriptValidator } from './validators.ts'

const iso = (value: unknown) =>
  (value instanceof Date
    ? DateTime.fromJSDate(value, { zone: 'utc' })
    : DateTime.fromSQL(String(value), { zone: 'utc' })
  ).toISO({ suppressMilliseconds: true })

function requireManager(ctx: HttpContext) {
  const role = (ctx.auth.user as User).role
  if (role !== 'admin' && role !== 'supervisor') {
    throw new TableroError('FORBIDDEN', 'Only supervisors and administrators edit scripts', 403)
  }
}

/**
 * Scripts (S1–S4): supervisors write them, every save is a version, any
 * version can be restored; agents read the campaign's script filled for
 * the client on screen.
 */
export default class ScriptsController {
  async index() {
    const rows = await db
      .from('speech_scripts')
      .join('campaigns', 'campaigns.id', 'speech_scripts.campaign_id')
      .orderBy('campaigns.name')
      .select('speech_scripts.*', 'campaigns.name as campaign_name')
    return { data: rows.map((row) => present(row)) }
  }

  async show(ctx: HttpContext) {
    await resourceService(ctx)
    const row = await findScript(db.connection(), ctx.params.id)
    return { data: { ...present(row), html: row.html, unknownVariables: unknownIn(row) } }
  }

  async store(ctx: HttpContext) {
    requireManager(ctx)
    await resourceService(ctx)
    const payload = await ctx.request.validateUsing(createScriptValidator)
    const campaign = await db.from('campaigns').where('id', payload.campaignId).first()
    if (!campaign) throw fieldInputError('campaignId', 'No such campaign', 'exists')
    if (await db.from('speech_scripts').where('campaign_id', campaign.id).first()) {
      throw fieldInputError('campaignId', 'This campaign has a script already: edit it', 'unique')
    }
    const html = sanitizeScript(payload.html)
    const id = await db.transaction(async (trx) => {
      const now = toSqlDateTime(DateTime.utc())
      const [created] = await trx
        .insertQuery()
        .table('speech_scripts')
        .insert({
          campaign_id: campaign.id,
          title: payload.title,
          html,
          version: 1,
          updated_by: (ctx.auth.user as User).id,
          created_at: now,
          updated_at: now,
        })
      await saveVersion(trx, ctx, Number(created), 1, payload.title, html)
      return Number(created)
    })
    const row = await findScript(db.connection(), id)
    return ctx.response.created({
      data: { ...present(row), html: row.html, unknownVariables: unknownIn(row) },
    })
  }

  async update(ctx: HttpContext) {
    requireManager(ctx)
    await resourceService(ctx)
    const payload = await ctx.request.validateUsing(updateScriptValidator)
    const before = await findScript(db.connection(), ctx.params.id)
    await this.#write(
      ctx,
      before,
      payload.title ?? before.title,
      payload.html === undefined ? before.html : sanitizeScript(payload.html)
    )
    const row = await findScript(db.connection(), before.id)
    return { data: { ...present(row), html: row.html, unknownVariables: unknownIn(row) } }
  }

  async destroy(ctx: HttpContext) {
    requireManager(ctx)
    const row = await findScript(db.connection(), ctx.params.id)
    await db.transaction(async (trx) => {
      await trx.from('speech_scripts').where('id', row.id).delete()
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'delete',
        resource: 'speech_scripts',
        recordId: row.id,
        before: { title: row.title, campaignId: row.campaign_id, version: row.version },
      })
    })
    return ctx.response.noContent()
  }

  async versions(ctx: HttpContext) {
    const script = await findScript(db.connection(), ctx.params.id)
    const rows = await db
      .from('speech_versions')
      .leftJoin('users', 'users.id', 'speech_versions.author_id')
      .where('script_id', script.id)
      .orderBy('version', 'desc')
      .select('speech_versions.*', 'users.full_name as author_name')
    return {
      data: rows.map((row) => ({
        id: row.id,
        version: row.version,
        title: row.title,
        html: row.html,
        author: row.author_id ? { id: row.author_id, name: row.author_name } : null,
        createdAt: iso(row.created_at),
      })),
    }
  }

  /**
   * Restoring writes the old text as a new version: history only grows.
   */
  async restore(ctx: HttpContext) {
    requireManager(ctx)
    await resourceService(ctx)
    const script = await findScript(db.connection(), ctx.params.id)
    const version = await db
      .from('speech_versions')
      .where({ script_id: script.id, id: Number(ctx.params.versionId) || 0 })
      .first()
    if (!version) throw notFound('speech_versions')
    await this.#write(ctx, script, version.title, version.html)
    const row = await findScript(db.connection(), script.id)
    return { data: { ...present(row), html: row.html, unknownVariables: unknownIn(row) } }
  }

  async variables(ctx: HttpContext) {
    const { campaignId } = await renderValidator.validate(ctx.request.qs())
    await resourceService(ctx)
    return { data: variablesFor(campaignId) }
  }

  /**
   * S2/S3: the campaign's script filled for a client the user can see.
   */
  async render(ctx: HttpContext) {
    const { campaignId, clientId } = await renderValidator.validate(ctx.request.qs())
    const service = await resourceService(ctx)
    const script = await db
      .from('speech_scripts')
      .join('campaigns', 'campaigns.id', 'speech_scripts.campaign_id')
      .where('speech_scripts.campaign_id', campaignId)
      .select('speech_scripts.*', 'campaigns.name as campaign_name')
      .first()
    if (!script) throw new TableroError('NO_SCRIPT', 'This campaign has no script yet', 404)
    const shown = clientId ? await service.show('clients', clientId) : null
    const client = shown?.data ?? {}
    const values = valuesFor(ctx, { id: campaignId, name: script.campaign_name }, client)
    const filled = fillScript(script.html, values)
    return { data: { title: script.title, html: filled.html, unknownVariables: filled.unknown } }
  }

  async #write(ctx: HttpContext, before: Record<string, any>, title: string, html: string) {
    await db.transaction(async (trx) => {
      const version = Number(before.version) + 1
      await trx
        .from('speech_scripts')
        .where('id', before.id)
        .update({
          title,
          html,
          version,
          updated_by: (ctx.auth.user as User).id,
          updated_at: toSqlDateTime(DateTime.utc()),
        })
      await saveVersion(trx, ctx, before.id, version, title, html)
    })
  }
}

async function saveVersion(
  trx: QueryClientContract,
  ctx: HttpContext,
  scriptId: number,
  version: number,
  title: string,
  html: string
) {
  await trx
    .insertQuery()
    .table('speech_versions')
    .insert({
      script_id: scriptId,
      version,
      title,
      html,
      author_id: (ctx.auth.user as User).id,
      created_at: toSqlDateTime(DateTime.utc()),
    })
  await AuditLog.record(trx, actorFromContext(ctx), {
    action: version === 1 ? 'create' : 'update',
    resource: 'speech_scripts',
    recordId: scriptId,
    after: { title, version },
  })
}

async function findScript(client: QueryClientContract, rawId: unknown) {
  const id = Number(rawId)
  const row = Number.isSafeInteger(id)
    ? await client
        .from('speech_scripts')
        .join('campaigns', 'campaigns.id', 'speech_scripts.campaign_id')
        .where('speech_scripts.id', id)
        .select('speech_scripts.*', 'campaigns.name as campaign_name')
        .first()
    : null
  if (!row) throw notFound('speech_scripts')
  return row
}

function present(row: Record<string, any>) {
  return {
    id: row.id,
    campaign: { id: row.campaign_id, name: row.campaign_name },
    title: row.title,
    version: row.version,
    updatedAt: iso(row.updated_at),
  }
}

/** Variables the script uses that its campaign does not offer (flagged in the editor). */
function unknownIn(row: Record<string, any>) {
  const known = new Set(variablesFor(row.campaign_id).map((variable) => variable.name))
  return variablesIn(row.html).filter((name) => !known.has(name))
}

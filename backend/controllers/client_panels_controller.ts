import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { resourceService } from '#services/resource_context'
import { AuditLog, actorFromContext, toSqlDateTime, withBatchEntry } from '#services/audit_log'
import { ClientInteractions } from '#services/client_interactions'
import { localDayRange } from '#services/local_days'
import { MARKETING_CHANNELS, marketingValidator } from '#validators/client'
import { fieldInputError } from '#resources/errors'
import { presentDateTime } from '#resources/values'

const LOG_LIMIT = 300

/**
 * The read panels of the client page: log (C7), card history (C9),
 * dashboard (C15), and marketing preferences (C5).
 */
export default class ClientPanelsController {
  async #client(ctx: HttpContext, action: 'show' | 'update' = 'show') {
    const service = await resourceService(ctx)
    return service.visibleRow('clients', ctx.params.id, action)
  }

  /**
   * Everything that happened on the account: its own changes and those of
   * its phones, notes, tasks, files, messages… newest first.
   */
  async log(ctx: HttpContext) {
    const client = await this.#client(ctx)
    const rows = await this.#entries(client.id as number).limit(LOG_LIMIT)
    // A client created by an import shares its batch's entry.
    const entries = await withBatchEntry(rows, 'clients', client.id)
    return { data: entries.slice(0, LOG_LIMIT).map(presentEntry) }
  }

  /**
   * C9: the card's field changes as field / old / new / who / when.
   */
  async history(ctx: HttpContext) {
    const client = await this.#client(ctx)
    const rows = await this.#entries(client.id as number)
      .where('audit_logs.resource', 'clients')
      .where('audit_logs.action', 'update')
      .limit(LOG_LIMIT)
    const changes = rows.flatMap((row) => {
      const entry = presentEntry(row)
      const before = (entry.before ?? {}) as Record<string, unknown>
      const after = (entry.after ?? {}) as Record<string, unknown>
      return Object.keys(after).map((field) => ({
        id: `${entry.id}:${field}`,
        field,
        old: before[field] ?? null,
        new: after[field] ?? null,
        actor: entry.actor,
        createdAt: entry.createdAt,
      }))
    })
    return { data: changes }
  }

  async dashboard(ctx: HttpContext) {
    const client = await this.#client(ctx)
    const range = localDayRange(
      { from: ctx.request.input('from'), to: ctx.request.input('to') },
      ctx.auth.user?.timezone
    )
    return {
      data: await ClientInteractions.dashboard(db.connection(), client.id as number, range),
    }
  }

  async marketing(ctx: HttpContext) {
    const client = await this.#client(ctx)
    return { data: await this.#preferences(client.id as number) }
  }

  async updateMarketing(ctx: HttpContext) {
    const unknown = Object.keys(ctx.request.body()).find(
      (key) => !(MARKETING_CHANNELS as readonly string[]).includes(key)
    )
    if (unknown) throw fieldInputError(unknown, `Unknown channel "${unknown}"`, 'unknownField')
    const payload = await ctx.request.validateUsing(marketingValidator)
    const client = await this.#client(ctx, 'update')
    const clientId = client.id as number
    const before = await this.#preferences(clientId)
    const changed = MARKETING_CHANNELS.filter(
      (channel) => payload[channel] !== undefined && payload[channel] !== before[channel]
    )
    if (changed.length === 0) return { data: before }
    await db.transaction(async (trx) => {
      const now = toSqlDateTime(DateTime.utc())
      for (const channel of changed) {
        const optedIn = payload[channel]
        await trx
          .insertQuery()
          .table('client_marketing_preferences')
          .insert({ client_id: clientId, channel, opted_in: optedIn ? 1 : 0, updated_at: now })
          .knexQuery.onConflict(['client_id', 'channel'])
          .merge()
      }
      const after = { ...before, ...payload }
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'marketing.update',
        resource: 'client_marketing_preferences',
        recordId: clientId,
        before,
        after,
        subject: 'clients',
        subjectId: clientId,
      })
    })
    return { data: await this.#preferences(clientId) }
  }

  async #preferences(clientId: number) {
    const rows = await db.from('client_marketing_preferences').where('client_id', clientId)
    const preferences = Object.fromEntries(MARKETING_CHANNELS.map((channel) => [channel, false]))
    for (const row of rows) preferences[row.channel] = Boolean(Number(row.opted_in))
    return preferences as Record<(typeof MARKETING_CHANNELS)[number], boolean>
  }

  #entries(clientId: number) {
    return db
      .from('audit_logs')
      .leftJoin('users', 'users.id', 'audit_logs.actor_id')
      .where('audit_logs.subject', 'clients')
      .where('audit_logs.subject_id', String(clientId))
      .orderBy('audit_logs.id', 'desc')
      .select(
        'audit_logs.id',
        'audit_logs.action',
        'audit_logs.resource',
        'audit_logs.record_id',
        'audit_logs.before',
        'audit_logs.after',
        'audit_logs.created_at',
        'audit_logs.actor_id',
        'users.full_name as actor_name'
      )
  }
}

function presentEntry(row: Record<string, any>) {
  return {
    id: Number(row.id),
    action: row.action as string,
    resource: row.resource as string,
    recordId: row.record_id as string | null,
    actor: row.actor_id ? { id: Number(row.actor_id), name: row.actor_name as string } : null,
    before: row.before ? JSON.parse(row.before) : null,
    after: row.after ? JSON.parse(row.after) : null,
    createdAt: presentDateTime(row.created_at),
  }
}

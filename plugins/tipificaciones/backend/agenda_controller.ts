import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import {
  authorize,
  can,
  parseDateTimeInput,
  presentDateTime,
  resourceService,
  resources,
  toSqlDateTime,
  TableroError,
  type User,
} from '#sdk'
import { AGENDA, RECORD } from './access.ts'
import { agendaChanged, dueCount, holderOf } from './agenda_notices.ts'
import { type CallbackChange, type CallbackEvent, callbackTaken } from './callback_changes.ts'
import { campaignsOf, inQueueOf } from './callback_scope.ts'
import {
  agendaChangeValidator,
  agendaEventValidator,
  agendaRangeValidator,
} from './agenda_validators.ts'

/** The widest window a calendar asks for (a month view shows six weeks). */
const MAX_DAYS = 62
const MAX_EVENTS = 2000

function callbacksWithNames() {
  return db
    .from('tip_callbacks')
    .join('clients', 'clients.id', 'tip_callbacks.client_id')
    .join('campaigns', 'campaigns.id', 'tip_callbacks.campaign_id')
    .leftJoin('users', 'users.id', 'tip_callbacks.user_id')
    .where('tip_callbacks.status', 'pending')
    .select(
      'tip_callbacks.id',
      'tip_callbacks.client_id',
      'tip_callbacks.campaign_id',
      'tip_callbacks.user_id',
      'tip_callbacks.gestion_id',
      'tip_callbacks.due_at',
      'tip_callbacks.phone',
      'tip_callbacks.notes',
      'clients.first_name',
      'clients.last_name',
      'campaigns.name as campaign_name',
      'users.full_name as user_name'
    )
}

function present(row: Record<string, any>) {
  return {
    id: Number(row.id),
    clientId: Number(row.client_id),
    clientName: `${row.first_name ?? ''} ${row.last_name ?? ''}`.trim(),
    campaignId: Number(row.campaign_id),
    campaignName: row.campaign_name,
    userId: row.user_id === null ? null : Number(row.user_id),
    userName: row.user_name ?? null,
    gestionId: row.gestion_id === null ? null : Number(row.gestion_id),
    dueAt: presentDateTime(row.due_at),
    phone: row.phone,
    notes: row.notes,
  }
}

/**
 * The Agenda (D5) and the shared callbacks (15.4): the calendar's events,
 * the queue of the agent's campaigns, the header's due count, and the
 * writes (add, take, move, reassign), each the engine's write of
 * `tip_callbacks` (callback_hooks.ts) followed by a live notice.
 */
export default class AgendaController {
  /**
   * Pending events in a window: an agent's own; with `tipificaciones.agenda` (supervisors)
   * anyone's, filtered by agent and campaign. Asking for another agent's without it is 403.
   */
  async events(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail() as User
    // a supervisor who records no gestiones still reads everyone's agenda
    if (!can(user, AGENDA)) authorize(ctx, RECORD)
    const { from, to, ...range } = await this.#window(ctx)
    const query = callbacksWithNames()
      .where('tip_callbacks.due_at', '>=', toSqlDateTime(from))
      .where('tip_callbacks.due_at', '<', toSqlDateTime(to))
      .orderBy('tip_callbacks.due_at')
      .limit(MAX_EVENTS)
    const manages = can(user, AGENDA)
    if (!manages && range.userId && range.userId !== user.id) {
      throw new TableroError('FORBIDDEN', `You lack the permission ${AGENDA}`, 403)
    }
    if (!manages) query.where('tip_callbacks.user_id', user.id)
    else if (range.userId) query.where('tip_callbacks.user_id', range.userId)
    if (range.campaignId) query.where('tip_callbacks.campaign_id', range.campaignId)
    const rows = await query
    return { data: rows.map(present) }
  }

  /**
   * The user's own open client tasks with a due date in the window, shown beside the callbacks
   * (read-only here; they are managed on the client page), only of clients the user sees.
   */
  async tasks(ctx: HttpContext) {
    const user = authorize(ctx, RECORD)
    const { from, to } = await this.#window(ctx)
    const rows = await db
      .from('client_tasks')
      .join('clients', 'clients.id', 'client_tasks.client_id')
      .where('client_tasks.assigned_user_id', user.id)
      .where('client_tasks.done', 0)
      .where('client_tasks.due_at', '>=', toSqlDateTime(from))
      .where('client_tasks.due_at', '<', toSqlDateTime(to))
      .whereIn('client_tasks.client_id', resources.visibleKeys('clients', user))
      .orderBy('client_tasks.due_at')
      .limit(MAX_EVENTS)
      .select(
        'client_tasks.id',
        'client_tasks.client_id',
        'client_tasks.title',
        'client_tasks.due_at',
        'clients.first_name',
        'clients.last_name'
      )
    return {
      data: rows.map((row) => ({
        id: Number(row.id),
        clientId: Number(row.client_id),
        clientName: `${row.first_name ?? ''} ${row.last_name ?? ''}`.trim(),
        title: row.title,
        dueAt: presentDateTime(row.due_at),
      })),
    }
  }

  async #window(ctx: HttpContext) {
    const range = await ctx.request.validateUsing(agendaRangeValidator, { data: ctx.request.qs() })
    const from = parseDateTimeInput(range.from, 'from')
    const to = parseDateTimeInput(range.to, 'to')
    if (to <= from || to.diff(from, 'days').days > MAX_DAYS) {
      throw new TableroError('INVALID_RANGE', `Ask for at most ${MAX_DAYS} days`, 422, [
        { field: 'to', message: `After from, at most ${MAX_DAYS} days later`, rule: 'range' },
      ])
    }
    return { ...range, from, to }
  }

  /** The shared queue's due callbacks: an agent's campaigns'; a supervisor's, every campaign's. */
  async queue(ctx: HttpContext) {
    const user = authorize(ctx, RECORD)
    const query = callbacksWithNames()
      .where('tip_callbacks.due_at', '<=', toSqlDateTime(DateTime.utc()))
      .orderBy('tip_callbacks.due_at')
      .limit(100)
    if (can(user, AGENDA)) query.whereNull('tip_callbacks.user_id')
    else inQueueOf(query, user.id)
    const rows = await query
    return { data: rows.map(present) }
  }

  async due(ctx: HttpContext) {
    const user = authorize(ctx, RECORD)
    return { data: await dueCount(user.id) }
  }

  async store(ctx: HttpContext) {
    const input: CallbackEvent = await ctx.request.validateUsing(agendaEventValidator)
    const service = await resourceService(ctx)
    const { data } = await service.create(
      'tip_callbacks',
      {},
      { source: 'api', permission: RECORD, input }
    )
    await agendaChanged(holderOf(data))
    return ctx.response.created({ data })
  }

  /** Take a callback from the queue: 409 CALLBACK_TAKEN when another agent was first. */
  async claim(ctx: HttpContext) {
    const user = authorize(ctx, RECORD)
    try {
      return await this.#change(ctx, { op: 'claim' })
    } catch (error) {
      // a moment too late: the callback left the queue, so the agent's scope no longer shows it
      if (error instanceof TableroError && error.status === 404 && (await this.#taken(user, ctx))) {
        throw callbackTaken()
      }
      throw error
    }
  }

  /** Whether another agent holds the callback, in a campaign this user works (or supervises). */
  async #taken(user: User, ctx: HttpContext) {
    const row = await db
      .from('tip_callbacks')
      .where('id', Number(ctx.params.id) || 0)
      .first()
    if (!row || row.user_id === null || row.user_id === user.id || row.status !== 'pending') {
      return false
    }
    if (can(user, AGENDA)) return true
    return Boolean(await campaignsOf(user.id).where('campaign_id', row.campaign_id).first())
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(agendaChangeValidator)
    return this.#change(ctx, { op: 'edit', ...input })
  }

  async #change(ctx: HttpContext, input: CallbackChange) {
    const service = await resourceService(ctx)
    const before = await this.#holder(ctx.params.id)
    const { data } = await service.update(
      'tip_callbacks',
      ctx.params.id,
      {},
      {
        source: 'api',
        permission: RECORD,
        input,
      }
    )
    await agendaChanged(...(before ? [before] : []), holderOf(data))
    return { data }
  }

  /** Who held the callback before the change, for the notice (the write checks the scope). */
  async #holder(rawId: unknown) {
    const id = Number(rawId)
    if (!Number.isSafeInteger(id)) return null
    const row = await db.from('tip_callbacks').where('id', id).first()
    return row ? holderOf(row) : null
  }
}

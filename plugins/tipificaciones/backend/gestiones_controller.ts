import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import {
  TableroError,
  actorFromContext,
  AuditLog,
  authorize,
  presentDateTime,
  toSqlDateTime,
  resourceService,
  type WriteOptions,
} from '#sdk'
import emitter from '@adonisjs/core/services/emitter'
import { RECORD } from './access.ts'
import { recordedFor } from './gestion_recorder.ts'
import { gestionValidator } from './validators.ts'

const iso = (value: unknown) =>
  value === null || value === undefined ? null : presentDateTime(value)

/** The form's names for the declared fields the engine validates. */
const FORM_NAMES: Record<string, string> = {
  client_id: 'clientId',
  campaign_id: 'campaignId',
  notes: 'notes',
}

/** An engine error on a declared field, named as the agent's form names it. */
function inFormNames(error: unknown) {
  if (!(error instanceof TableroError) || !error.fields) return error
  const fields = error.fields.map((entry) => ({
    ...entry,
    field: FORM_NAMES[entry.field] ?? entry.field,
  }))
  return new TableroError(error.code, error.message, error.status, fields, error.params)
}

/**
 * The agent's side: record a gestión (T6), the client's history and the
 * agent's pending callbacks with "Quitar" (T7).
 */
export default class GestionesController {
  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(gestionValidator)
    authorize(ctx, RECORD)
    const service = await resourceService(ctx)
    await service.visibleRow('clients', input.clientId, 'update')
    // the engine writes it (tip_gestiones' hooks hold T6's rules); the event follows the commit
    const options: WriteOptions = { source: 'api', permission: RECORD, input }
    const values = { client_id: input.clientId, campaign_id: input.campaignId, notes: input.notes }
    try {
      await service.create('tip_gestiones', values, options)
    } catch (error) {
      throw inFormNames(error)
    }
    const recorded = recordedFor(options)!
    await emitter.emit('gestion.recorded', recorded)
    return ctx.response.created({ data: recorded })
  }

  async history(ctx: HttpContext) {
    const service = await resourceService(ctx)
    const client = await service.visibleRow('clients', ctx.params.clientId, 'show')
    const rows = await db
      .from('tip_gestiones')
      .leftJoin('users', 'users.id', 'tip_gestiones.user_id')
      .leftJoin('campaigns', 'campaigns.id', 'tip_gestiones.campaign_id')
      .where('tip_gestiones.client_id', client.id as number)
      .orderBy('tip_gestiones.id', 'desc')
      .limit(200)
      .select('tip_gestiones.*', 'users.full_name as user_name', 'campaigns.name as campaign_name')
    return {
      data: rows.map((row) => ({
        id: Number(row.id),
        campaign: { id: row.campaign_id, name: row.campaign_name },
        resultPath: row.result_path,
        notes: row.notes,
        callbackAt: iso(row.callback_at),
        alternatePhone: row.alternate_phone,
        forMe: Boolean(Number(row.for_me)),
        user: row.user_id ? { id: row.user_id, name: row.user_name } : null,
        createdAt: iso(row.created_at),
      })),
    }
  }

  async myCallbacks(ctx: HttpContext) {
    const user = authorize(ctx, RECORD)
    const rows = await db
      .from('tip_callbacks')
      .join('clients', 'clients.id', 'tip_callbacks.client_id')
      .leftJoin('campaigns', 'campaigns.id', 'tip_callbacks.campaign_id')
      .where('tip_callbacks.user_id', user.id)
      .where('tip_callbacks.status', 'pending')
      .orderBy('tip_callbacks.due_at')
      .limit(500)
      .select(
        'tip_callbacks.*',
        'clients.first_name',
        'clients.last_name',
        'campaigns.name as campaign_name'
      )
    return {
      data: rows.map((row) => ({
        id: Number(row.id),
        client: { id: row.client_id, name: `${row.first_name} ${row.last_name ?? ''}`.trim() },
        campaign: { id: row.campaign_id, name: row.campaign_name },
        dueAt: iso(row.due_at),
        phone: row.phone,
      })),
    }
  }

  /**
   * "Quitar": the agent removes one of its own pending callbacks;
   * supervisors may remove anyone's.
   */
  async removeCallback(ctx: HttpContext) {
    const user = authorize(ctx, RECORD)
    const id = Number(ctx.params.id)
    const callback = Number.isSafeInteger(id)
      ? await db.from('tip_callbacks').where('id', id).first()
      : null
    if (
      !callback ||
      callback.status !== 'pending' ||
      (user.role === 'agent' && callback.user_id !== user.id)
    ) {
      throw new TableroError('NOT_FOUND', 'No such pending callback', 404)
    }
    await db.transaction(async (trx) => {
      await trx
        .from('tip_callbacks')
        .where('id', id)
        .update({ status: 'removed', updated_at: toSqlDateTime(DateTime.utc()) })
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'callback.remove',
        resource: 'tip_callbacks',
        recordId: id,
        before: { status: 'pending' },
        after: { status: 'removed' },
        subject: 'clients',
        subjectId: callback.client_id,
      })
    })
    return ctx.response.noContent()
  }
}

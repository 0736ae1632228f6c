import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { TableroError, authorize, presentDateTime, resourceService, type WriteOptions } from '#sdk'
import emitter from '@adonisjs/core/services/emitter'
import { RECORD } from './access.ts'
import { recordedFor } from './gestion_recorder.ts'
import { agendaChanged, holderOf } from './agenda_notices.ts'
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
 * The agent's side: record a gestión (T6), the agent's pending callbacks
 * and "Quitar" (T7). The client's history of gestiones is the resource's
 * list (GET /api/r/tip_gestiones filtered by client).
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
    if (recorded.callbackAt || recorded.deleteScheduled) {
      const holder = recorded.forMe ? recorded.userId : null
      await agendaChanged({ campaignId: recorded.campaignId, userId: holder })
    }
    return ctx.response.created({ data: recorded })
  }

  /**
   * The campaigns the gestión form offers: an agent's own (campaign_agents,
   * where requireCampaignMember lets it record), every open one for
   * supervisors and admins. Archived campaigns are closed to gestiones.
   */
  async myCampaigns(ctx: HttpContext) {
    const user = authorize(ctx, RECORD)
    const rows = await db
      .from('campaigns')
      .whereNull('archived_at')
      .if(user.role === 'agent', (query) =>
        query.whereIn(
          'id',
          db.from('campaign_agents').where('user_id', user.id).select('campaign_id')
        )
      )
      .orderBy('name')
      .select('id', 'name', 'type', 'active')
    return {
      data: rows.map((row) => ({
        id: Number(row.id),
        name: row.name as string,
        type: row.type as string,
        active: Boolean(Number(row.active)),
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
   * "Quitar": the engine's update of the callback (status → removed) by
   * `tipificaciones.record`; the resource's scope and hook keep it to the
   * agent's own pending callbacks (supervisors: anyone's), 404 otherwise.
   */
  async removeCallback(ctx: HttpContext) {
    const service = await resourceService(ctx)
    const update = { source: 'api', permission: RECORD } as const
    const { data } = await service.update('tip_callbacks', ctx.params.id, {}, update)
    await agendaChanged(holderOf(data))
    return ctx.response.noContent()
  }
}

import type { HttpContext } from '@adonisjs/core/http'
import { exportOptions } from '#resources/export_values'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { resourceService } from '#services/resource_context'
import { actorFromContext } from '#services/audit_log'
import { authorize } from '#sdk/permissions'
import { TableroError } from '#exceptions/tablero_error'
import { fieldInputError, notFound } from '#resources/errors'
import { Bases } from '#services/bases/bases'
import { BasePurge, type BaseRow } from '#services/bases/base_purge'

const COUNTS_MAX_IDS = 100

/**
 * Parámetros → Bases beside the generic REST of `bases`: counts for the
 * listed bases, the deletion (what it will do, start, progress) and the
 * export of a base's clients as they are now.
 */
export default class BasesController {
  /** `?ids=1,2,3`: clients now and clients a deletion would keep, per base. */
  async counts(ctx: HttpContext) {
    const service = await resourceService(ctx)
    service.authorize('bases', 'list')
    const ids = parseIds(ctx.request.input('ids'))
    const visible = new Set([...(await service.readableIds('bases', ids))].map(Number))
    const counts = await Bases.counts(ids.filter((id) => visible.has(id)))
    return { data: Object.fromEntries(counts) }
  }

  async plan(ctx: HttpContext) {
    const base = await this.#base(ctx)
    return { data: await BasePurge.plan(base) }
  }

  async destroy(ctx: HttpContext) {
    const base = await this.#base(ctx)
    const user = ctx.auth.getUserOrFail() as User
    const deletion = await BasePurge.start(base, actorFromContext(ctx), user.id)
    return ctx.response.accepted({ data: BasePurge.present(deletion) })
  }

  /** A deletion's progress; once done, the clients it kept (when the base stays). */
  async deletion(ctx: HttpContext) {
    authorize(ctx, 'bases.purge')
    const id = Number(ctx.params.deletionId)
    const deletion = Number.isSafeInteger(id) ? await BasePurge.find(id) : null
    if (!deletion) throw new TableroError('NOT_FOUND', 'No such base deletion', 404)
    const keptClients =
      deletion.status === 'done' && deletion.base_id !== null
        ? await BasePurge.keptClients(Number(deletion.base_id))
        : []
    return { data: { ...BasePurge.present(deletion), keptClients } }
  }

  /** The base's clients as they are now, streamed as CSV (the clients export's columns). */
  async export(ctx: HttpContext) {
    const service = await resourceService(ctx)
    const base = await service.visibleRow('bases', ctx.params.id, 'export')
    const { stream } = service.export(
      'clients',
      {
        filter: JSON.stringify({ field: 'base_id', op: 'eq', value: Number(base.id) }),
        sort: 'id',
      },
      exportOptions(ctx)
    )
    const filename = `base-${Number(base.id)}.csv`
    ctx.response.header('Content-Type', 'text/csv; charset=utf-8')
    ctx.response.header('Content-Disposition', `attachment; filename="${filename}"`)
    ctx.response.header('Cache-Control', 'no-store')
    return ctx.response.stream(stream)
  }

  /** The base, for a user who may purge bases (the permission is enough: bases have no row scope). */
  async #base(ctx: HttpContext): Promise<BaseRow> {
    authorize(ctx, 'bases.purge')
    const row = await db
      .from('bases')
      .where('id', Number(ctx.params.id))
      .select('id', 'name', 'campaign_id')
      .first()
    if (!row) throw notFound('bases')
    return { id: Number(row.id), name: String(row.name), campaign_id: row.campaign_id }
  }
}

/** `ids=1,2,3` (the query parser may already have split it at the commas). */
function parseIds(raw: unknown) {
  const parts = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === 'string' && raw !== ''
      ? raw.split(',')
      : []
  if (parts.length > COUNTS_MAX_IDS) throw fieldInputError('ids', `At most ${COUNTS_MAX_IDS} ids`)
  return parts.map((part, i) => {
    const id = Number(part)
    if (!Number.isSafeInteger(id) || id <= 0) throw fieldInputError(`ids[${i}]`, 'Expected an id')
    return id
  })
}

import db from '@adonisjs/lucid/services/db'
import {
  resources,
  TableroError,
  actorFromContext,
  authorize,
  dispatchJob,
  resourceService,
  type PluginRoutes,
} from '#sdk'
import { BULK, TOGGLE } from './access.ts'
import {
  bulkReport,
  failedToRetry,
  selectedClients,
  startBulk,
  type BulkSelection,
} from './bulk.ts'
import { reconcile } from './jobs.ts'
import {
  checkToggle,
  createToggle,
  findToggle,
  presentToggle,
  requireNothingPending,
  sendToggle,
  walletStatus,
  walletStatuses,
} from './toggles.ts'

function idParam(value: unknown) {
  const id = Number(value)
  if (!Number.isInteger(id) || id <= 0) throw new TableroError('NOT_FOUND', 'Not found', 404)
  return id
}

/**
 * Mounted under /api/p/tubolsillo, behind sign-in and the enabled-guard.
 * The history is the `tubolsillo_toggles` resource (/api/r/tubolsillo_toggles).
 */
const routes: PluginRoutes = (router) => {
  /** W2: the wallet's status as the client page shows it. */
  router.get('clients/:id/wallet', async (ctx) => {
    const service = await resourceService(ctx)
    const clientId = idParam(ctx.params.id)
    await service.visibleRow('clients', clientId, 'show')
    return { data: await walletStatus(clientId) }
  })

  /** W2: the statuses of a page of clients (`?ids=1,2,3`, at most 100), for the list's column. */
  router.get('wallets', async (ctx) => {
    const service = await resourceService(ctx)
    const user = service.authorize('clients', 'list') && service.user
    const ids = String(ctx.request.input('ids', ''))
      .split(',')
      .map(Number)
      .filter((id) => Number.isInteger(id) && id > 0)
      .slice(0, 100)
    if (ids.length === 0) return { data: {} }
    const visible = await db
      .from('clients')
      .whereIn('id', ids)
      .whereIn('id', resources.visibleKeys('clients', user))
      .select('id')
    return { data: await walletStatuses(visible.map((row) => Number(row.id))) }
  })

  /** W1: switch one wallet; answers once the service answered (or the call timed out: pending). */
  router.post('clients/:id/toggles', async (ctx) => {
    authorize(ctx, TOGGLE)
    const service = await resourceService(ctx)
    const clientId = idParam(ctx.params.id)
    await service.visibleRow('clients', clientId, 'show')
    const body = ctx.request.only(['action', 'reason_id', 'note'])
    // The check and the write in one transaction, both through it.
    const id = await db.transaction(async (trx) => {
      await requireNothingPending(clientId, trx)
      return createToggle(service, { client_id: clientId, ...body }, {}, trx)
    })
    const toggle = await sendToggle(id, actorFromContext(ctx))
    ctx.response.status(201)
    return { data: presentToggle(toggle), wallet: await walletStatus(clientId) }
  })

  /** W3: ask the service what became of a pending toggle (a lost answer). */
  router.post('toggles/:id/check', async (ctx) => {
    authorize(ctx, TOGGLE)
    const service = await resourceService(ctx)
    const row = await findToggle(idParam(ctx.params.id), db.connection())
    await service.visibleRow('tubolsillo_toggles', row.id, 'show')
    const toggle = await checkToggle(row.id, actorFromContext(ctx))
    return { data: presentToggle(toggle), wallet: await walletStatus(row.client_id) }
  })

  /** W3: a failed toggle asked again (a new toggle, a new key), unless the wallet was toggled since. */
  router.post('toggles/:id/retry', async (ctx) => {
    authorize(ctx, TOGGLE)
    const service = await resourceService(ctx)
    const row = await findToggle(idParam(ctx.params.id), db.connection())
    await service.visibleRow('tubolsillo_toggles', row.id, 'show')
    if (row.status !== 'failed') {
      throw new TableroError('NOT_FAILED', 'Only a failed toggle can be retried', 409)
    }
    const later = await db
      .from('tubolsillo_toggles')
      .where('client_id', row.client_id)
      .where('id', '>', row.id)
      .first()
    if (later) {
      throw new TableroError('SUPERSEDED', 'This wallet was toggled again since', 409)
    }
    const id = await createToggle(
      service,
      { client_id: row.client_id, action: row.action, reason_id: row.reason_id, note: row.note },
      { retryOf: row.id }
    )
    const toggle = await sendToggle(id, actorFromContext(ctx))
    ctx.response.status(201)
    return { data: presentToggle(toggle), wallet: await walletStatus(row.client_id) }
  })

  /** W2: how many clients a bulk toggle would cover, for its confirmation. */
  router.post('bulks/preview', async (ctx) => {
    const user = authorize(ctx, BULK)
    authorize(ctx, TOGGLE)
    const service = await resourceService(ctx)
    const ids = await selectedClients(service, user, ctx.request.body() as BulkSelection)
    return { data: { count: ids.length } }
  })

  /** W2: start a bulk toggle of the filtered (or chosen) clients: 202 with the job to poll. */
  router.post('bulks', async (ctx) => {
    const user = authorize(ctx, BULK)
    authorize(ctx, TOGGLE)
    const service = await resourceService(ctx)
    const body = ctx.request.body() as BulkSelection & Record<string, unknown>
    const ids = await selectedClients(service, user, body)
    const started = await startBulk(service, user, ids, {
      action: body.action,
      reason_id: body.reason_id,
      note: body.note,
      count: body.count,
    })
    ctx.response.status(202)
    return { data: started }
  })

  /** W2: a bulk's outcome, with the clients the service refused. */
  router.get('bulks/:id', async (ctx) => {
    const user = authorize(ctx, BULK)
    const report = await bulkReport(idParam(ctx.params.id))
    if (user.role !== 'admin' && report.createdBy !== user.id) {
      throw new TableroError('NOT_FOUND', 'No such bulk toggle', 404)
    }
    return { data: report }
  })

  /** W2: the refused clients of a bulk, sent again as a new bulk. */
  router.post('bulks/:id/retry', async (ctx) => {
    const user = authorize(ctx, BULK)
    authorize(ctx, TOGGLE)
    const service = await resourceService(ctx)
    const report = await bulkReport(idParam(ctx.params.id))
    if (user.role !== 'admin' && report.createdBy !== user.id) {
      throw new TableroError('NOT_FOUND', 'No such bulk toggle', 404)
    }
    const failed = await failedToRetry(report.id)
    if (failed.length === 0) {
      throw new TableroError('NOTHING_TO_RETRY', 'No failed client left to retry', 409)
    }
    const started = await startBulk(
      service,
      user,
      failed.map((row) => Number(row.client_id)),
      {
        action: report.action,
        reason_id: failed[0].reason_id,
        note: failed[0].note,
        retryOf: report.id,
      }
    )
    ctx.response.status(202)
    return { data: started }
  })

  /** W3: settle every pending toggle in the background. */
  router.post('reconcile', async (ctx) => {
    const user = authorize(ctx, BULK)
    const job = await dispatchJob(reconcile, {}, { user })
    ctx.response.status(202)
    return { data: { jobId: job.id } }
  })
}

export default routes

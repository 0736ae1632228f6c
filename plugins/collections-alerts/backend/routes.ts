import db from '@adonisjs/lucid/services/db'
import vine from '@vinejs/vine'
import {
  actorFromContext,
  authorize,
  dispatchJob,
  notFound,
  resourceService,
  resources,
  type PluginRoutes,
} from '#sdk'
import { liftAlert, type AlertRow } from './alert_book.ts'
import { LIFT, SWEEP } from './access.ts'
import { brokenPromises } from './jobs.ts'
import { activeAlerts } from './alert_reads.ts'
import { indicators } from './indicators.ts'
import { countTree, saveSegment, segmentCount } from './segments.ts'

const liftValidator = vine.compile(
  vine.object({ reason: vine.string().trim().minLength(1).maxLength(255).optional() })
)

const idsValidator = vine.compile(
  vine.object({
    ids: vine
      .string()
      .trim()
      .regex(/^\d+(,\d+){0,99}$/),
  })
)

/** Mounted under /api/p/collections-alerts, behind sign-in and the enabled-guard. */
const routes: PluginRoutes = (router) => {
  /** A5: the active alerts of the clients on a screen (ids=1,2,3), those the user may read. */
  router.get('alerts', async (ctx) => {
    const { ids } = await ctx.request.validateUsing(idsValidator, { data: ctx.request.qs() })
    const user = ctx.auth.getUserOrFail()
    const wanted = ids.split(',').map(Number)
    return { data: await activeAlerts(wanted, resources.visibleKeys('clients', user)) }
  })

  /** A4: "Quitar alerta": lifts one active alert of a client the user may read; a lifted one is 409. */
  router.post('alerts/:id/lift', async (ctx) => {
    const user = authorize(ctx, LIFT)
    const { reason } = await ctx.request.validateUsing(liftValidator)
    const alert: AlertRow | null = await db
      .from('ca_client_alerts')
      .where('id', Number(ctx.params.id) || 0)
      .first()
    if (!alert) throw notFound('ca_client_alerts')
    const service = await resourceService(ctx)
    await service.visibleRow('clients', alert.client_id, 'show')
    await db.transaction((trx) =>
      liftAlert(trx, actorFromContext(ctx), alert, reason ?? `Quitada a mano por ${user.fullName}`)
    )
    const row = await db.from('ca_client_alerts').where('id', alert.id).first()
    return { data: row }
  })

  /** A2: runs the broken-promise sweep now (the scheduler calls the same job). */
  router.post('sweeps/broken-promises', async (ctx) => {
    const user = authorize(ctx, SWEEP)
    const { id } = await dispatchJob(brokenPromises, {}, { user })
    return ctx.response.accepted({ data: { jobId: id } })
  })

  /** Contactability indicators per campaign and agent (the four values). */
  router.get('indicators', indicators)

  /** A8: segments, in the clients list's filter tree. */
  router.post('segments/count', countTree)
  router.post('segments', saveSegment)
  router.put('segments/:id', saveSegment)
  router.get('segments/:id/count', segmentCount)
}

export default routes

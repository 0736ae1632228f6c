import type { HttpContext } from '@adonisjs/core/http'
import { exportOptions } from '#resources/export_values'
import { resourceService } from '#services/resource_context'
import { TableroError } from '#exceptions/tablero_error'

/**
 * Generic REST for every resource: /api/r/:resource[/:id]. All the work is
 * in ResourceService; this class only maps HTTP to it.
 */
export default class ResourcesController {
  async index(ctx: HttpContext) {
    const service = await resourceService(ctx)
    return service.list(ctx.params.resource, ctx.request.qs())
  }

  /**
   * The same list with the parameters in a JSON body, for filters too big
   * for a URL.
   */
  async query(ctx: HttpContext) {
    requireJson(ctx)
    const service = await resourceService(ctx)
    return service.list(ctx.params.resource, ctx.request.body())
  }

  async show(ctx: HttpContext) {
    const service = await resourceService(ctx)
    return service.show(ctx.params.resource, ctx.params.id)
  }

  async store(ctx: HttpContext) {
    requireJson(ctx)
    const service = await resourceService(ctx)
    const result = await service.create(ctx.params.resource, ctx.request.body(), {
      source: 'api',
      allowDuplicate: Boolean(ctx.request.input('allowDuplicate')),
      confirmPast: Boolean(ctx.request.qs().confirmPast),
    })
    return ctx.response.created(result)
  }

  async update(ctx: HttpContext) {
    requireJson(ctx)
    const service = await resourceService(ctx)
    return service.update(ctx.params.resource, ctx.params.id, ctx.request.body(), {
      source: 'api',
      confirmPast: Boolean(ctx.request.qs().confirmPast),
    })
  }

  async destroy(ctx: HttpContext) {
    const service = await resourceService(ctx)
    await service.destroy(ctx.params.resource, ctx.params.id)
    return ctx.response.noContent()
  }

  async archive(ctx: HttpContext) {
    const service = await resourceService(ctx)
    return service.setArchived(ctx.params.resource, ctx.params.id, true)
  }

  async restore(ctx: HttpContext) {
    const service = await resourceService(ctx)
    return service.setArchived(ctx.params.resource, ctx.params.id, false)
  }

  async bulkUpdate(ctx: HttpContext) {
    requireJson(ctx)
    const service = await resourceService(ctx)
    return service.bulkUpdate(ctx.params.resource, ctx.request.body())
  }

  async bulkDelete(ctx: HttpContext) {
    requireJson(ctx)
    const service = await resourceService(ctx)
    return service.bulkDelete(ctx.params.resource, ctx.request.body())
  }

  async history(ctx: HttpContext) {
    const service = await resourceService(ctx)
    return service.history(ctx.params.resource, ctx.params.id)
  }

  async export(ctx: HttpContext) {
    const service = await resourceService(ctx)
    const { filename, stream } = service.export(
      ctx.params.resource,
      ctx.request.qs(),
      exportOptions(ctx)
    )
    ctx.response.header('Content-Type', 'text/csv; charset=utf-8')
    ctx.response.header('Content-Disposition', `attachment; filename="${filename}"`)
    ctx.response.header('Cache-Control', 'no-store')
    return ctx.response.stream(stream)
  }
}

function requireJson(ctx: HttpContext) {
  if (!ctx.request.is(['json'])) {
    throw new TableroError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as JSON (Content-Type: application/json)',
      415
    )
  }
}

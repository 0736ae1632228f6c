import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { RequestLoad } from '#services/request_load'

/** transmit's event stream stays open for as long as the page does: it is no load. */
const STREAM_PREFIX = '/__transmit/events'

/** Counts the requests being answered, for background work to step aside (RequestLoad). */
export default class RequestLoadMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (ctx.request.url().startsWith(STREAM_PREFIX)) return next()
    RequestLoad.started()
    try {
      return await next()
    } finally {
      RequestLoad.ended()
    }
  }
}

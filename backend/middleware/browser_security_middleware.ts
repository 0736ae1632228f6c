import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import SessionMiddleware from '@adonisjs/session/session_middleware'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'

/**
 * Session and CSRF protection exist for the admin's cookie session. An API
 * client with a bearer token has no cookie to protect or to forge, so its
 * requests skip both: no session to load and commit, no three encrypted
 * cookies to write on every answer (measured as most of a request's fixed
 * cost in bench/).
 */
export default class BrowserSecurityMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (/^Bearer\s/i.test(ctx.request.header('authorization') ?? '')) {
      ctx.response.header('X-Content-Type-Options', 'nosniff')
      return next()
    }
    const session = await ctx.containerResolver.make(SessionMiddleware)
    const shield = await ctx.containerResolver.make(ShieldMiddleware)
    return session.handle(ctx, () => shield.handle(ctx, next))
  }
}

import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import SessionMiddleware from '@adonisjs/session/session_middleware'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import { SESSION_COOKIE, SIGN_IN_PATH } from '#config/session'
import { applyShieldHeaders } from '#services/shield_headers'

/**
 * Session and CSRF protection exist for the admin's cookie session, so
 * only requests that belong to one get them:
 * - a bearer token has no cookie to protect or to forge: no session to
 *   load and commit, no encrypted cookies to write on every answer
 *   (measured as most of a request's fixed cost in bench/);
 * - a request without the session cookie cannot be signed in by cookie:
 *   nothing to protect, and no session is started for it (with
 *   SESSION_DRIVER=redis every anonymous or scripted hit would store one);
 * - signing in without a cookie gets a session, which stays empty (so is
 *   never stored) unless the sign-in succeeds.
 * Every answer carries the shield's headers (CSP, no framing, nosniff).
 */
export default class BrowserSecurityMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const bearer = /^Bearer\s/i.test(ctx.request.header('authorization') ?? '')
    const inSession = !bearer && Boolean(ctx.request.cookie(SESSION_COOKIE))
    const signingIn = ctx.request.method() === 'POST' && ctx.request.url() === SIGN_IN_PATH
    if (!inSession && !(signingIn && !bearer)) {
      await applyShieldHeaders(ctx)
      return next()
    }
    const session = await ctx.containerResolver.make(SessionMiddleware)
    if (!inSession) {
      await applyShieldHeaders(ctx)
      return session.handle(ctx, next)
    }
    const shield = await ctx.containerResolver.make(ShieldMiddleware)
    return session.handle(ctx, () => shield.handle(ctx, next))
  }
}

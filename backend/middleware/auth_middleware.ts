import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { TableroError } from '#exceptions/tablero_error'
import type User from '#models/user'
import grants from '#services/grants'

export const SESSION_VERSION_KEY = 'session_version'

/**
 * Requires a signed-in, active user, by session cookie (admin) or bearer
 * token (API clients). A session older than the user's session_version
 * (after "log out everywhere") or of a deactivated user is ended here.
 */
export default class AuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const guard = /^Bearer\s/i.test(ctx.request.header('authorization') ?? '') ? 'api' : 'web'
    // No session cookie, no session (BrowserSecurityMiddleware): signed out.
    if (guard === 'web' && !ctx.session) {
      throw new TableroError('UNAUTHENTICATED', 'Sign in to continue', 401)
    }
    const user = (await ctx.auth.authenticateUsing([guard])) as User

    if (guard === 'web') {
      const version = ctx.session.get(SESSION_VERSION_KEY)
      if (version !== user.sessionVersion || !user.active) {
        await ctx.auth.use('web').logout()
        throw new TableroError('UNAUTHENTICATED', 'Your session ended: sign in again', 401)
      }
    } else if (!user.active) {
      throw new TableroError('UNAUTHENTICATED', 'This account is deactivated', 401)
    }

    // Grants answer from memory: re-read them when older than their TTL.
    await grants.refresh()
    return next()
  }
}

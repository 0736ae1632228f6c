import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { loginValidator, tokenValidator } from '#validators/auth'
import { loginThrottleKey, throttledSignIn } from '#services/login_throttle'
import { AuditLog, actorFromContext } from '#services/audit_log'
import { SESSION_VERSION_KEY } from '#middleware/auth_middleware'
import { TableroError } from '#exceptions/tablero_error'
import { authCache } from '#services/auth_cache'

/**
 * Signing in and out. The admin uses the session cookie; API clients
 * exchange credentials for a bearer token.
 */
export default class SessionController {
  /**
   * Signs the admin in. JSON only: the sign-in carries no CSRF token (it
   * comes before any session), and no cross-site form can post JSON.
   */
  async store(ctx: HttpContext) {
    if (!ctx.request.is(['json'])) {
      throw new TableroError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the credentials as JSON (Content-Type: application/json)',
        415
      )
    }
    const { email, password } = await ctx.request.validateUsing(loginValidator)
    const user = await this.#verify(ctx, email, password)

    await ctx.auth.use('web').login(user)
    ctx.session.put(SESSION_VERSION_KEY, user.sessionVersion)
    await AuditLog.record(
      db.connection(),
      { ...actorFromContext(ctx), actorId: user.id },
      {
        action: 'auth.login',
        resource: 'users',
        recordId: user.id,
      }
    )
    return { data: { user: user.toPublic() } }
  }

  async destroy({ auth, response }: HttpContext) {
    await auth.use('web').logout()
    return response.noContent()
  }

  async me({ auth }: HttpContext) {
    const user = auth.getUserOrFail() as User
    return { data: { user: user.toPublic() } }
  }

  /**
   * Issues a bearer token for an API client (shown once).
   */
  async createToken(ctx: HttpContext) {
    const { email, password, name } = await ctx.request.validateUsing(tokenValidator)
    const user = await this.#verify(ctx, email, password)
    const token = await User.accessTokens.create(user, ['*'], { name: name ?? 'api' })
    return ctx.response.created({
      data: { type: 'bearer', token: token.value!.release(), expiresAt: token.expiresAt },
    })
  }

  async destroyToken({ auth, response }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    await User.accessTokens.delete(user, user.currentAccessToken.identifier)
    authCache.forget()
    return response.noContent()
  }

  /**
   * Checks the password under the login throttle. The 401 never says
   * whether the email or the password was wrong.
   */
  async #verify(ctx: HttpContext, email: string, password: string) {
    const key = loginThrottleKey(email, ctx.request.ip())
    const [throttled, user] = await throttledSignIn(key, async () => {
      const found = await User.verifyCredentials(email, password)
      if (!found.active)
        throw new TableroError('INVALID_CREDENTIALS', 'Wrong email or password', 401)
      return found
    })
    if (throttled) {
      throw new TableroError(
        'TOO_MANY_ATTEMPTS',
        `Too many failed sign-ins: try again in ${throttled.response.availableIn} seconds`,
        429,
        undefined,
        { seconds: throttled.response.availableIn }
      )
    }
    return user
  }
}

import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { AuditLog, actorFromContext } from '#services/audit_log'

/**
 * "Log this user out of all sessions" (K9, admins only). Listing,
 * creating and editing users is the `users` resource (/api/r/users).
 */
export default class UsersController {
  /**
   * Ends every session and revokes every token of the user: their open
   * admin tabs get 401 on the next request.
   */
  async logoutEverywhere(ctx: HttpContext) {
    await ctx.bouncer.authorize('manageUsers')
    await db.transaction(async (trx) => {
      const user = await User.findOrFail(Number(ctx.params.id), { client: trx })
      user.sessionVersion += 1
      await user.save()
      await this.#revokeTokens(trx, user.id)
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'auth.logout_everywhere',
        resource: 'users',
        recordId: user.id,
      })
    })
    return ctx.response.noContent()
  }

  async #revokeTokens(trx: Parameters<typeof AuditLog.record>[0], userId: number) {
    await trx.from('auth_access_tokens').where('tokenable_id', userId).delete()
  }
}

import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { createUserValidator, updateUserValidator } from '#validators/user'
import { AuditLog, actorFromContext } from '#services/audit_log'
import { TableroError } from '#exceptions/tablero_error'

/**
 * User management (K9, admins only): list, create, edit, deactivate and
 * "log this user out of all sessions".
 */
export default class UsersController {
  async index({ bouncer, request }: HttpContext) {
    await bouncer.authorize('manageUsers')
    const page = Math.max(1, Number(request.input('page', 1)) || 1)
    const perPage = Math.min(100, Math.max(1, Number(request.input('perPage', 25)) || 25))
    const result = await User.query().orderBy('id', 'asc').paginate(page, perPage)
    return {
      data: result.all().map((user) => user.toPublic()),
      meta: { total: result.total, page, perPage },
    }
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.authorize('manageUsers')
    const payload = await ctx.request.validateUsing(createUserValidator)
    const user = await db.transaction(async (trx) => {
      const created = await User.create(payload, { client: trx })
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'create',
        resource: 'users',
        recordId: created.id,
        after: created.toPublic(),
      })
      return created
    })
    return ctx.response.created({ data: user.toPublic() })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.authorize('manageUsers')
    const id = Number(ctx.params.id)
    const payload = await ctx.request.validateUsing(updateUserValidator, { meta: { userId: id } })
    const user = await db.transaction(async (trx) => {
      const found = await User.findOrFail(id, { client: trx })
      const before = found.toPublic()
      if (found.id === (ctx.auth.user as User).id && (payload.active === false || payload.role)) {
        if (payload.active === false || payload.role !== 'admin') {
          throw new TableroError(
            'CANNOT_DEMOTE_SELF',
            'You cannot deactivate yourself or remove your own admin role',
            409
          )
        }
      }
      found.merge(payload)
      // A new password or a deactivation ends the user's other sessions.
      if (payload.password || payload.active === false) found.sessionVersion += 1
      await found.save()
      if (payload.password || payload.active === false) await this.#revokeTokens(trx, found.id)
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'update',
        resource: 'users',
        recordId: found.id,
        before,
        after: found.toPublic(),
      })
      return found
    })
    return { data: user.toPublic() }
  }

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

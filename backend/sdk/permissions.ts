import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import { TableroError } from '#exceptions/tablero_error'
import grants from '#services/grants'

/**
 * Whether `user` holds `permission` (a plugin's declared key such as
 * `speech.manage`, or a resource action `<resource>.<action>`), by the
 * grants of the user's role.
 */
export function can(user: Pick<User, 'role'>, permission: string): boolean {
  return grants.allows(user.role, permission)
}

/**
 * Throws 403 FORBIDDEN unless the signed-in user holds `permission`;
 * returns the user.
 */
export function authorize(ctx: HttpContext, permission: string): User {
  const user = ctx.auth.getUserOrFail() as User
  if (!can(user, permission)) {
    throw new TableroError('FORBIDDEN', `You lack the permission ${permission}`, 403)
  }
  return user
}

import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import { TableroError } from '#exceptions/tablero_error'
import { hasPermission } from '#abilities/main'

/**
 * Whether `user` holds `permission` (a kernel key, a plugin's declared key
 * such as `speech.manage`, or a resource action `<resource>.<action>`), by
 * the grants of the user's role (role_permissions, edited on Permisos).
 * The Bouncer ability `hasPermission` decides; its check is synchronous.
 */
export function can(user: Pick<User, 'role'>, permission: string): boolean {
  return hasPermission.execute(user as User, permission) === true
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

import type { HttpContext } from '@adonisjs/core/http'
import { TableroError } from '#sdk'

/**
 * Profiles and fields are configured by supervisors and admins (P1).
 */
export function requireManager(ctx: HttpContext) {
  const role = (ctx.auth.user as { role?: string } | undefined)?.role
  if (role !== 'admin' && role !== 'supervisor') {
    throw new TableroError(
      'FORBIDDEN',
      'Only supervisors and administrators manage custom fields',
      403
    )
  }
}

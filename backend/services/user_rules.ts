import hash from '@adonisjs/core/services/hash'
import { IANAZone } from 'luxon'
import { fieldInputError } from '#resources/errors'
import type { HookContext } from '#resources/types'
import { TableroError } from '#exceptions/tablero_error'

type Values = Record<string, unknown>

/**
 * User management through the generic screens (K9): passwords are hashed
 * before they are stored; a new password or a deactivation ends the
 * user's other sessions and tokens; nobody demotes or deactivates
 * themselves (the last admin would lock everyone out).
 */
export class UserRules {
  static async beforeCreate(values: Values) {
    if (typeof values.password !== 'string') {
      throw fieldInputError('password', 'A new user needs a password', 'required')
    }
    checkZone(values.timezone)
    values.password = await hash.make(values.password)
    if (typeof values.email === 'string') values.email = values.email.toLowerCase()
    values.locale ??= 'es'
    values.timezone ??= 'America/Bogota'
  }

  static async beforeUpdate(values: Values, before: Values, hook: HookContext) {
    if (
      before.id === hook.user.id &&
      (values.active === 0 || (values.role && values.role !== 'admin'))
    ) {
      throw new TableroError(
        'CANNOT_DEMOTE_SELF',
        'You cannot deactivate yourself or remove your own admin role',
        409
      )
    }
    if (typeof values.email === 'string') values.email = values.email.toLowerCase()
    checkZone(values.timezone)
    if (typeof values.password === 'string') values.password = await hash.make(values.password)
  }

  static async afterUpdate(row: Values, before: Values, hook: HookContext) {
    const passwordChanged = typeof row.password === 'string'
    const deactivated = Number(row.active) === 0 && before.active === true
    if (!passwordChanged && !deactivated) return
    await hook.trx
      .from('users')
      .where('id', row.id as number)
      .increment('session_version', 1)
    await hook.trx
      .from('auth_access_tokens')
      .where('tokenable_id', row.id as number)
      .delete()
  }
}

function checkZone(zone: unknown) {
  if (zone !== undefined && zone !== null && !IANAZone.isValidZone(String(zone))) {
    throw fieldInputError('timezone', 'Not a time zone (e.g. America/Bogota)', 'timezone')
  }
}

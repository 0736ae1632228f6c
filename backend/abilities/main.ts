import { Bouncer } from '@adonisjs/bouncer'
import type User from '#models/user'
import grants from '#services/grants'
import { isAdmin } from './roles.ts'

/**
 * Every permission is a grant (backend/abilities/grants.ts): a kernel key,
 * a plugin manifest's key, or a resource action `<resource>.<action>`.
 * `hasPermission` checks any of them; `authorize` from #sdk uses it.
 */
export const hasPermission = Bouncer.ability((user: User, permission: string) =>
  grants.allows(user.role, permission)
)

export const managePlugins = Bouncer.ability((user: User) =>
  grants.allows(user.role, 'plugins.manage')
)

export const manageUsers = Bouncer.ability((user: User) => grants.allows(user.role, 'users.manage'))

/**
 * Editing the grants themselves stays with the admin role, whatever the
 * grants say: nobody can lock the admin out or grant themselves more.
 */
export const managePermissions = Bouncer.ability((user: User) => isAdmin(user))

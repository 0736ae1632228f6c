import type User from '#models/user'

export const isAdmin = (user: Pick<User, 'role'>) => user.role === 'admin'

/**
 * Permission keys sent to the admin in /api/meta. They use the same
 * predicates as the abilities, so the UI and the API never disagree.
 */
export const PERMISSIONS: Record<string, (user: Pick<User, 'role'>) => boolean> = {
  'plugins.manage': isAdmin,
  'users.manage': isAdmin,
}

export function permissionsOf(user: Pick<User, 'role'>) {
  return Object.entries(PERMISSIONS)
    .filter(([, allowed]) => allowed(user))
    .map(([key]) => key)
}

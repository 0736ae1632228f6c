import type User from '#models/user'
import type { Role } from '#models/user'
import type { Translated } from '#kernel/manifest'

export const isAdmin = (user: Pick<User, 'role'>) => user.role === 'admin'

/**
 * The kernel's own permissions, with their labels and the roles that hold
 * them by default. Like every permission they are grants (role_permissions):
 * an admin may give them to other roles.
 */
export const KERNEL_PERMISSIONS: Array<{ key: string; label: Translated; roles: Role[] }> = [
  {
    key: 'plugins.manage',
    label: { es: 'Gestionar plugins', en: 'Manage plugins' },
    roles: ['admin'],
  },
  {
    key: 'bases.purge',
    label: { es: 'Eliminar bases con sus clientes', en: 'Delete bases with their clients' },
    roles: ['admin', 'supervisor'],
  },
  {
    key: 'assignments.manage',
    label: {
      es: 'Asignar los clientes de sus campañas (Asignaciones)',
      en: 'Assign the clients of their campaigns (Assignments)',
    },
    roles: ['admin', 'supervisor'],
  },
  {
    key: 'users.manage',
    label: { es: 'Gestionar usuarios', en: 'Manage users' },
    roles: ['admin'],
  },
]

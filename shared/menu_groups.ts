/**
 * The admin's sider follows the jobs of seed 001, not the tables: each menu entry (a resource,
 * a core screen, a plugin page) sits in one of these groups, in this order. A group holding one
 * entry shows that entry in its place; a group holding several shows as a submenu named after
 * the group, except the catch-all `otros`, whose entries always stand alone.
 *
 * Shared by the backend (which validates manifests and resource declarations against it) and
 * the admin (which draws the menu): keep it free of imports.
 */
export const MENU_GROUPS = [
  'clientes',
  'busqueda',
  'parametros',
  'asignaciones',
  'agenda',
  'estadisticas',
  'campanas',
  'otros',
  'administracion',
] as const

export type MenuGroup = (typeof MENU_GROUPS)[number]

/** Where an entry that names no group goes: after the job groups, before administration. */
export const DEFAULT_MENU_GROUP: MenuGroup = 'otros'

/** Groups whose entries never fold into a submenu. */
export const FLAT_MENU_GROUPS: ReadonlySet<MenuGroup> = new Set<MenuGroup>(['otros'])

export function isMenuGroup(value: unknown): value is MenuGroup {
  return typeof value === 'string' && (MENU_GROUPS as readonly string[]).includes(value)
}

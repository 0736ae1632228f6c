import type { AccessControlProvider, CanParams } from '@refinedev/core'
import { i18n } from '../i18n/i18n'
import type { AdminMeta, ResourceAction } from '../meta/admin_meta'
import { metaStore } from '../meta/meta_store'

/** Menu resources that are screens of the kernel itself, each guarded by one permission. */
const KERNEL_SCREEN_PERMISSIONS: Record<string, string> = {
  plugins: 'plugins.manage',
  permissions: 'permissions.manage',
  assignments: 'assignments.manage',
}

/** Kinds of menu entries set in `meta.kind` by buildMenuResources. */
export const MENU_KIND = {
  home: 'home',
  pluginPage: 'plugin-page',
  /** A screen of the shell (Búsqueda, Permisos, Plugins), shown when its own check passes. */
  corePage: 'core-page',
  resource: 'resource',
  group: 'group',
} as const

/** Refine speaks of `edit`; the resource engine of `update`. */
function resourceAction(action: string): ResourceAction {
  return (action === 'edit' ? 'update' : action) as ResourceAction
}

function decide(meta: AdminMeta, { resource, action, params }: CanParams): boolean {
  const kind = params?.resource?.meta?.kind
  // The backend lists only enabled plugins' entries visible to this user: showing them is safe,
  // and their own API calls are authorized server side.
  if (kind === MENU_KIND.home || kind === MENU_KIND.pluginPage) return true
  // A menu group shows when one of its entries does (Refine hides an empty group).
  if (kind === MENU_KIND.group) return true
  if (!resource) return false
  const kernelPermission = KERNEL_SCREEN_PERMISSIONS[resource]
  if (kernelPermission) return meta.permissions.includes(kernelPermission)
  if (kind === MENU_KIND.corePage) return true
  const description = meta.resources.find((candidate) => candidate.name === resource)
  if (description) return Boolean(description.actions[resourceAction(action)])
  return meta.permissions.includes(`${resource}.${action}`)
}

/**
 * Answers Refine's `can` from the permissions in `/api/meta`. It only hides what the user cannot
 * use; the backend authorizes every request again.
 */
export const accessControlProvider: AccessControlProvider = {
  async can(params) {
    const meta = await metaStore.load()
    const can = decide(meta, params)
    return can ? { can } : { can, reason: i18n.t('errors.forbiddenText') }
  },
  options: {
    buttons: { enableAccessControl: true, hideIfUnauthorized: true },
    // Answers depend on who is signed in; never reuse one across a sign-out.
    queryOptions: { staleTime: 0, gcTime: 0 },
  },
}

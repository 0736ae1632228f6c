import type { HttpContext } from '@adonisjs/core/http'
import grants from '#services/grants'
import plugins from '#services/plugins'
import { ROLES } from '#models/user'
import { actorFromContext } from '#services/audit_log'
import { permissionChangesValidator, restorePermissionsValidator } from '#validators/permissions'

/**
 * The role × permission matrix (admins only): read it, change cells,
 * restore defaults. Every change is audited in its transaction.
 */
export default class PermissionsController {
  async index({ bouncer }: HttpContext) {
    await bouncer.authorize('managePermissions')
    return { data: await matrix() }
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.authorize('managePermissions')
    const { changes } = await ctx.request.validateUsing(permissionChangesValidator)
    await grants.change(changes, actorFromContext(ctx))
    return { data: await matrix() }
  }

  async restore(ctx: HttpContext) {
    await ctx.bouncer.authorize('managePermissions')
    const { permission } = await ctx.request.validateUsing(restorePermissionsValidator)
    await grants.restore(permission ?? null, actorFromContext(ctx))
    return { data: await matrix() }
  }
}

/**
 * The catalogue grouped by source (the core, each plugin, each resource),
 * in catalogue order; per role whether it is granted and by default. A
 * disabled plugin's groups are listed, marked `enabled: false`.
 */
async function matrix() {
  await plugins.refresh()
  await grants.refresh(true)
  const groups = new Map<string, any>()
  for (const entry of await grants.catalogue()) {
    const id = `${entry.source.kind}:${entry.source.name}`
    let group = groups.get(id)
    if (!group) {
      group = {
        id,
        kind: entry.source.kind,
        name: entry.source.name,
        label: entry.source.label,
        plugin: entry.source.plugin,
        enabled: !entry.source.plugin || plugins.isEnabled(entry.source.plugin),
        permissions: [],
      }
      groups.set(id, group)
    }
    group.permissions.push({
      key: entry.key,
      label: entry.label,
      roles: Object.fromEntries(
        ROLES.map((role) => [
          role,
          {
            granted: grants.allows(role, entry.key),
            default: entry.defaults.includes(role),
            locked: role === 'admin',
          },
        ])
      ),
    })
  }
  return { roles: ROLES, groups: [...groups.values()] }
}

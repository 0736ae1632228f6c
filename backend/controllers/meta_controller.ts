import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import plugins from '#services/plugins'
import grants from '#services/grants'
import { isAdmin } from '#abilities/roles'
import resources from '#services/resources'
import { describeResources } from '#resources/resource_meta'

/**
 * What the signed-in user's admin should show: permissions, the enabled
 * plugins' menu entries visible to the user's role, and the resources the
 * user may list with their fields. Computed per
 * request from the registry, so a toggle shows at once.
 */
export default class MetaController {
  async show({ auth }: HttpContext) {
    const user = auth.getUserOrFail() as User
    await plugins.refresh()
    await grants.refresh()
    await resources.refreshFields()
    const enabled = plugins.manifests.filter((manifest) => plugins.isEnabled(manifest.name))
    return {
      data: {
        user: user.toPublic(),
        // `permissions.manage` is no grant: editing grants stays with admins.
        permissions: [
          ...grants.keysOf(user.role),
          ...(isAdmin(user) ? ['permissions.manage'] : []),
        ],
        plugins: enabled.map((manifest) => ({
          name: manifest.name,
          label: manifest.label,
          menu: (manifest.menu ?? [])
            .filter((entry) => !entry.roles || entry.roles.includes(user.role))
            .map(({ roles: _roles, ...entry }) => entry),
        })),
        resources: describeResources(resources, user),
      },
    }
  }
}

import type { Role } from '#models/user'
import type { PluginRegistry } from '#kernel/plugin_registry'

/**
 * Which role holds which permission. Today: the defaults each plugin
 * manifest declares (`permissions[].roles`); an admin holds every
 * permission.
 */
export class Grants {
  constructor(private plugins: PluginRegistry) {}

  allows(role: Role, permission: string): boolean {
    if (role === 'admin') return true
    for (const manifest of this.plugins.manifests) {
      const declared = manifest.permissions?.find((candidate) => candidate.key === permission)
      if (declared) return declared.roles.includes(role)
    }
    return false
  }
}

import { TableroError } from '#exceptions/tablero_error'
import type { PluginManifest } from './manifest.ts'

/**
 * Orders manifests so that every plugin comes after the plugins it depends
 * on (Kahn's algorithm, ties broken by name for a stable order). A missing
 * dependency or a cycle is a boot error naming the plugins involved.
 */
export function dependencyOrder(manifests: PluginManifest[]): PluginManifest[] {
  const byName = new Map(manifests.map((manifest) => [manifest.name, manifest]))

  for (const manifest of manifests) {
    for (const dependency of manifest.dependsOn ?? []) {
      if (!byName.has(dependency)) {
        throw new TableroError(
          'PLUGIN_DEPENDENCY_MISSING',
          `Plugin "${manifest.name}" depends on "${dependency}", which is not installed`,
          500
        )
      }
      if (dependency === manifest.name) {
        throw new TableroError(
          'PLUGIN_DEPENDENCY_CYCLE',
          `Plugin "${manifest.name}" depends on itself`,
          500
        )
      }
    }
  }

  const pending = new Map(manifests.map((m) => [m.name, new Set(m.dependsOn ?? [])]))
  const ordered: PluginManifest[] = []
  while (pending.size > 0) {
    const ready = [...pending.entries()]
      .filter(([, dependencies]) => dependencies.size === 0)
      .map(([name]) => name)
      .sort()
    if (ready.length === 0) {
      const cycle = [...pending.keys()].sort().join(', ')
      throw new TableroError(
        'PLUGIN_DEPENDENCY_CYCLE',
        `Plugins form a dependency cycle: ${cycle}`,
        500
      )
    }
    for (const name of ready) {
      ordered.push(byName.get(name)!)
      pending.delete(name)
      for (const dependencies of pending.values()) dependencies.delete(name)
    }
  }
  return ordered
}

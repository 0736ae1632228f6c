import { SYSTEM_ACTOR } from '#services/audit_log'
import plugins from '#services/plugins'

/**
 * Turns a plugin off for a test, after the plugins that depend on it (the
 * kernel refuses to leave them without it), and answers how to turn them
 * all back on, in the opposite order.
 */
export async function disableWithDependents(name: string) {
  const order: string[] = []
  const visit = (plugin: string) => {
    for (const dependent of plugins.dependentsOf(plugin)) visit(dependent)
    if (!order.includes(plugin)) order.push(plugin)
  }
  visit(name)
  const disabled: string[] = []
  for (const plugin of order) {
    if (!plugins.isEnabled(plugin)) continue
    await plugins.disable(plugin, SYSTEM_ACTOR)
    disabled.push(plugin)
  }
  return async () => {
    for (const plugin of disabled.reverse()) await plugins.enable(plugin, SYSTEM_ACTOR)
  }
}

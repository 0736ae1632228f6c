import { args } from '@adonisjs/core/ace'
import { SYSTEM_ACTOR } from '#services/audit_log'
import { PluginCommand } from './plugin_command.ts'
import type { PluginRegistry } from './plugin_registry.ts'

/**
 * Shared body of plugin:enable and plugin:disable.
 */
export abstract class PluginToggleCommand extends PluginCommand {
  @args.string({ description: 'Plugin name (see node ace plugin:list)' })
  declare name: string

  protected abstract enabled: boolean

  protected async handle(plugins: PluginRegistry) {
    const summary = this.enabled
      ? await plugins.enable(this.name, SYSTEM_ACTOR)
      : await plugins.disable(this.name, SYSTEM_ACTOR)
    this.logger.success(`Plugin "${summary.name}" is ${summary.enabled ? 'enabled' : 'disabled'}`)
  }
}

import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { TableroError } from '#exceptions/tablero_error'
import { SYSTEM_ACTOR } from '#services/audit_log'

/**
 * Shared body of plugin:enable and plugin:disable. A refusal prints one
 * line naming the plugin and exits with code 1; nothing is half-applied.
 */
export abstract class PluginToggleCommand extends BaseCommand {
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Plugin name (see node ace plugin:list)' })
  declare name: string

  protected abstract enabled: boolean

  async run() {
    const plugins = await this.app.container.make('tablero.plugins')
    try {
      const summary = this.enabled
        ? await plugins.enable(this.name, SYSTEM_ACTOR)
        : await plugins.disable(this.name, SYSTEM_ACTOR)
      this.logger.success(`Plugin "${summary.name}" is ${summary.enabled ? 'enabled' : 'disabled'}`)
    } catch (error) {
      if (!(error instanceof TableroError)) throw error
      this.logger.error(error.message)
      this.exitCode = 1
    }
  }
}

import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace plugin:list — every discovered plugin with its state.
 */
export default class PluginList extends BaseCommand {
  static commandName = 'plugin:list'
  static description = 'List discovered plugins with version, dependencies and state'
  static options: CommandOptions = { startApp: true }

  async run() {
    const plugins = await this.app.container.make('tablero.plugins')
    await plugins.refresh(true)
    const table = this.ui.table()
    table.head(['Name', 'Version', 'State', 'Depends on', 'Needed by', 'Label'])
    for (const plugin of plugins.list()) {
      table.row([
        plugin.name,
        plugin.version,
        plugin.enabled ? this.colors.green('enabled') : this.colors.yellow('disabled'),
        plugin.dependsOn.join(', ') || '-',
        plugin.dependents.join(', ') || '-',
        plugin.label.en,
      ])
    }
    if (plugins.list().length === 0) {
      this.logger.info('No plugins found under the plugin folders')
      return
    }
    table.render()
  }
}

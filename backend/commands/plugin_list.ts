import { PluginCommand } from '#kernel/plugin_command'
import type { PluginRegistry } from '#kernel/plugin_registry'

/**
 * node ace plugin:list — every discovered plugin with its state.
 */
export default class PluginList extends PluginCommand {
  static commandName = 'plugin:list'
  static description = 'List discovered plugins with version, dependencies and state'

  protected async handle(plugins: PluginRegistry) {
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

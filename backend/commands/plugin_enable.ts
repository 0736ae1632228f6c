import { PluginToggleCommand } from '#kernel/plugin_toggle_command'

/**
 * node ace plugin:enable NAME — refused while a dependency is off.
 */
export default class PluginEnable extends PluginToggleCommand {
  static commandName = 'plugin:enable'
  static description = 'Enable a plugin (its dependencies must be enabled)'
  protected enabled = true
}

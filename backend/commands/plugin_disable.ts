import { PluginToggleCommand } from '#kernel/plugin_toggle_command'

/**
 * node ace plugin:disable NAME — refused while an enabled plugin needs it.
 * The plugin's tables and rows are kept.
 */
export default class PluginDisable extends PluginToggleCommand {
  static commandName = 'plugin:disable'
  static description = 'Disable a plugin (keeps its data; refused while an enabled plugin needs it)'
  protected enabled = false
}

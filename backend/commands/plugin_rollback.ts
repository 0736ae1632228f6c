import { pathToFileURL } from 'node:url'
import { args, flags } from '@adonisjs/core/ace'
import db from '@adonisjs/lucid/services/db'
import { PluginCommand } from '#kernel/plugin_command'
import type { PluginRegistry } from '#kernel/plugin_registry'

/**
 * node ace plugin:rollback NAME --force — undoes one plugin's migrations
 * (K3), newest first, leaving the core's and other plugins' untouched.
 * The plugin must be disabled; its tables and rows are dropped, so
 * without --force the command only lists what it would undo. What the
 * plugin made outside its tables (its manifest's `uninstall`, e.g. the
 * custom fields' clients columns) goes first.
 */
export default class PluginRollback extends PluginCommand {
  static commandName = 'plugin:rollback'
  static description = "Roll back one plugin's migrations (drops its tables; needs --force)"

  @args.string({ description: 'Plugin name (see node ace plugin:list)' })
  declare name: string

  @flags.boolean({ description: 'Really drop the tables (irreversible)' })
  declare force: boolean

  protected async handle(plugins: PluginRegistry) {
    plugins.get(this.name)
    await plugins.refresh(true)
    if (plugins.isEnabled(this.name)) {
      this.logger.error(
        `Plugin "${this.name}" is enabled: run node ace plugin:disable ${this.name} first`
      )
      this.exitCode = 1
      return
    }
    const folder = plugins.folderOf(this.name)!
    const prefix = `${folder.relativePath}/database/migrations/`
    const applied = await db
      .from('adonis_schema')
      .where('name', 'like', `${prefix}%`)
      .orderBy('id', 'desc')
    const manifest = plugins.get(this.name)
    const uninstallModule = manifest.uninstall ? await manifest.uninstall() : null
    const uninstall = uninstallModule?.default ?? null
    const plan = uninstall ? await uninstall.plan() : []
    if (applied.length === 0 && plan.length === 0) {
      this.logger.info(`Plugin "${this.name}" has no applied migrations`)
      return
    }
    if (!this.force) {
      for (const line of plan) this.logger.info(`would ${line}`)
      for (const row of applied) this.logger.info(`would roll back ${row.name}`)
      this.logger.warning(
        "This drops the plugin's tables and rows. Run again with --force to do it."
      )
      this.exitCode = 1
      return
    }
    if (uninstall) await uninstall.run((line) => this.logger.action(line).succeeded())
    for (const row of applied) {
      const { default: Schema } = await import(
        pathToFileURL(this.app.makePath(`${row.name}.ts`)).href
      )
      await new Schema(db.connection(), row.name, false).execDown()
      await db.from('adonis_schema').where('id', row.id).delete()
      this.logger.action(`rolled back ${row.name}`).succeeded()
    }
  }
}

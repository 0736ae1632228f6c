import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import db from '@adonisjs/lucid/services/db'
import { TableroError } from '#exceptions/tablero_error'
import type { PluginRegistry } from './plugin_registry.ts'

/**
 * The plugin states live in the `plugins` table, which the migrations
 * create: on a database that was never migrated every plugin command
 * would die on "no such table" with a stack trace.
 */
export const NOT_MIGRATED_MESSAGE =
  'The database has no Tablero tables yet: run node ace migration:run first'

/**
 * Shared body of the plugin commands that read or change plugin states.
 * A refusal (an unmigrated database, an unknown plugin, a dependency
 * rule) prints one line and exits with code 1; nothing is half-applied.
 */
export abstract class PluginCommand extends BaseCommand {
  static options: CommandOptions = { startApp: true }

  protected abstract handle(plugins: PluginRegistry): Promise<void>

  async run() {
    try {
      await ensureMigrated()
      await this.handle(await this.app.container.make('tablero.plugins'))
    } catch (error) {
      if (!(error instanceof TableroError)) throw error
      this.logger.error(error.message)
      this.exitCode = 1
    }
  }
}

async function ensureMigrated() {
  if (await db.connection().schema.hasTable('plugins')) return
  throw new TableroError('NOT_MIGRATED', NOT_MIGRATED_MESSAGE, 503)
}

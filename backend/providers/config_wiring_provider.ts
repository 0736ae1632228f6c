import type { ApplicationService } from '@adonisjs/core/types'
import { pluginMigrationPaths } from '#kernel/plugin_paths'
import { redactLogCall, serializeError } from '#services/log_redaction'
import { cachePreparedStatements } from '#services/sqlite_statement_cache'
import { beginImmediate } from '#services/sqlite_write_transactions'

type Done = (error: Error | null, connection: any) => void

/**
 * config/* is data: it imports packages and env, never the app. The app's
 * own code that the packages call (log redaction, the SQLite statement
 * cache and write transactions, every plugin's migrations) is wired into that data here, before
 * any provider builds the logger or the database from it (they read their
 * config lazily, when first resolved).
 */
export default class ConfigWiringProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    const config = this.app.config

    for (const name of Object.keys(config.get('logger.loggers', {}))) {
      config.set(`logger.loggers.${name}.serializers.err`, serializeError)
      config.set(`logger.loggers.${name}.hooks.logMethod`, redactLogCall)
    }

    const connections: Record<string, any> = config.get('database.connections', {})
    for (const [name, connection] of Object.entries(connections)) {
      const paths: string[] = connection.migrations?.paths ?? []
      config.set(`database.connections.${name}.migrations.paths`, [
        ...paths,
        ...pluginMigrationPaths(),
      ])
      if (connection.client !== 'better-sqlite3') continue
      const afterCreate = connection.pool?.afterCreate
      config.set(`database.connections.${name}.pool.afterCreate`, (raw: any, done: Done) => {
        const cached = (error: Error | null, created: any) =>
          done(error, error ? created : beginImmediate(cachePreparedStatements(created)))
        if (afterCreate) afterCreate(raw, cached)
        else cached(null, raw)
      })
    }
  }
}

/*
|--------------------------------------------------------------------------
| Environment variables
|--------------------------------------------------------------------------
|
| Every variable is optional on a laptop: the defaults run Tablero on the
| embedded SQLite database. `.env.example` documents each of them.
|
*/
import { Env } from '@adonisjs/core/env'
import { ensureAppKey } from '#start/app_key'

await ensureAppKey(new URL('../../', import.meta.url))

export default await Env.create(new URL('../../', import.meta.url), {
  NODE_ENV: Env.schema.enum.optional(['development', 'production', 'test'] as const),
  PORT: Env.schema.number.optional(),
  HOST: Env.schema.string.optional({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string.optional(),
  LOG_LEVEL: Env.schema.string.optional(),

  DB_CONNECTION: Env.schema.enum.optional(['sqlite', 'mysql'] as const),
  SQLITE_PATH: Env.schema.string.optional(),
  MYSQL_HOST: Env.schema.string.optional({ format: 'host' }),
  MYSQL_PORT: Env.schema.number.optional(),
  MYSQL_USER: Env.schema.string.optional(),
  MYSQL_PASSWORD: Env.schema.string.optional(),
  MYSQL_DB_NAME: Env.schema.string.optional(),

  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  /** How long a node trusts its plugin states before re-reading them (default 2000). */
  PLUGIN_STATE_TTL_MS: Env.schema.number.optional(),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),

  SESSION_DRIVER: Env.schema.enum.optional(['cookie', 'redis', 'memory'] as const),
  TABLERO_PLUGIN_DIRS: Env.schema.string.optional(),
  ADMIN_DIST_DIR: Env.schema.string.optional(),
  LOGIN_ATTEMPTS_PER_MINUTE: Env.schema.number.optional(),
  IMPORT_MAX_MB: Env.schema.number.optional(),
  /** false: imports run on the HTTP thread instead of their worker thread (ImportThread) */
  IMPORTS_IN_WORKER: Env.schema.boolean.optional(),

  MESSAGING_ADAPTER: Env.schema.enum.optional(['local', 'http'] as const),
  MESSAGING_PROVIDER: Env.schema.enum.optional(['log', 'http'] as const),
  MESSAGING_HTTP_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  MESSAGING_HTTP_TOKEN: Env.schema.string.optional(),
  MESSAGING_HTTP_TIMEOUT_MS: Env.schema.number.optional(),
  DRIVE_ROOT: Env.schema.string.optional(),
  JOBS_WORKER: Env.schema.boolean.optional(),
  JOBS_SCHEDULE: Env.schema.boolean.optional(),
})

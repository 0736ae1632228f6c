import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'

// Models are written by hand; no generated schema classes.
const schemaGeneration = { enabled: false }

// Knex options Lucid passes through without typing them. A failed query's
// error message shows the statement with `?`, never its values (a password
// hash, a token): see backend/services/log_redaction.ts.
const knexOptions: object = { compileSqlOnError: false }

/**
 * A database that is down must answer fast, not hang requests: a refused
 * connection fails the waiting query at once (knex propagates the pool's
 * create error) and answers 503 DATABASE_UNAVAILABLE
 * (backend/exceptions/unavailable.ts); the driver gives up connecting to a
 * database that does not answer after CONNECT_TIMEOUT_MS (10 s by
 * default), and a query waits for a pooled connection at most
 * ACQUIRE_TIMEOUT_MS (60 s by default). The latter also bounds a full pool
 * on an overloaded node, where 5 s failed a long import's batch under
 * load (bench/faults): 10 s. Once the database is back, the next request
 * connects again.
 */
const ACQUIRE_TIMEOUT_MS = 10_000
const CONNECT_TIMEOUT_MS = 3_000

/**
 * Core migrations first, then every plugin's (timestamps keep the order),
 * so `node ace migration:run` migrates the core and all plugins at once:
 * backend/providers/config_wiring_provider.ts appends the plugins' paths,
 * and wraps the SQLite afterCreate in the prepared-statement cache.
 */
const migrations = {
  naturalSort: true,
  paths: ['database/migrations'],
}

const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION', 'sqlite'),
  prettyPrintDebugQueries: true,
  connections: {
    /**
     * Embedded default: nothing to install, the file lives in tmp/.
     */
    sqlite: {
      client: 'better-sqlite3',
      connection: {
        filename: env.get('SQLITE_PATH') ?? app.tmpPath(app.inTest ? 'test.sqlite3' : 'db.sqlite3'),
      },
      useNullAsDefault: true,
      ...knexOptions,
      pool: {
        // WAL lets the streaming CSV export read while requests keep writing;
        // foreign keys are off by default in SQLite.
        afterCreate: (connection: any, done: (error: Error | null, connection: any) => void) => {
          connection.pragma('journal_mode = WAL')
          // WAL + NORMAL: a commit no longer waits for an fsync; a power cut
          // can lose the last transactions, never corrupt the file.
          connection.pragma('synchronous = NORMAL')
          connection.pragma('busy_timeout = 5000')
          connection.pragma('foreign_keys = ON')
          done(null, connection)
        },
      },
      migrations,
      schemaGeneration,
      seeders: { paths: ['database/seeders'] },
    },

    /**
     * Production: MySQL 8 or MariaDB 10.6+.
     */
    mysql: {
      client: 'mysql2',
      connection: {
        host: env.get('MYSQL_HOST', '127.0.0.1'),
        port: env.get('MYSQL_PORT', 3306),
        user: env.get('MYSQL_USER', 'root'),
        password: env.get('MYSQL_PASSWORD', ''),
        database: env.get('MYSQL_DB_NAME', 'tablero'),
        charset: 'utf8mb4',
        timezone: 'Z',
        dateStrings: ['DATE'],
        // mysql2's option, passed through by Lucid without a type
        ...({ connectTimeout: CONNECT_TIMEOUT_MS } as object),
      },
      pool: { min: 0, max: 10, acquireTimeoutMillis: ACQUIRE_TIMEOUT_MS },
      ...knexOptions,
      migrations,
      schemaGeneration,
      seeders: { paths: ['database/seeders'] },
    },
  },
})

export default dbConfig

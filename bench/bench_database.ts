import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import mysql from 'mysql2/promise'
import type { BenchOptions, DatabaseKind } from './options.ts'
import { mysqlRawClient, mysqlSettings, sqliteRawClient, type RawClient } from './raw_client.ts'

/**
 * One database the bench measures: its own SQLite file or MariaDB schema
 * per size (never the app's tmp/db.sqlite3 or the test database), the
 * environment that points `node ace` and the server at it, and a raw
 * driver connection to it.
 */
export interface BenchDatabase {
  kind: DatabaseKind
  label: string
  env: Record<string, string>
  create(): Promise<void>
  openRaw(connections: number): RawClient
}

export function benchDatabase(kind: DatabaseKind, options: BenchOptions): BenchDatabase {
  return kind === 'sqlite' ? sqliteDatabase(options) : mysqlDatabase(options)
}

function sqliteDatabase(options: BenchOptions): BenchDatabase {
  const path = resolve(options.sqlitePath ?? `tmp/bench/clients-${options.clients}.sqlite3`)
  return {
    kind: 'sqlite',
    label: `SQLite ${path}`,
    env: { DB_CONNECTION: 'sqlite', SQLITE_PATH: path },
    async create() {
      mkdirSync(dirname(path), { recursive: true })
    },
    openRaw: () => sqliteRawClient(path),
  }
}

function mysqlDatabase(options: BenchOptions): BenchDatabase {
  const name = options.mysqlDatabase ?? `tablero_bench_${options.clients}`
  if (!/^\w+$/.test(name)) throw new Error(`--mysql-db: "${name}" is not a plain database name`)
  const settings = mysqlSettings(name)
  return {
    kind: 'mysql',
    label: `MariaDB/MySQL ${settings.host}:${settings.port}/${name}`,
    env: {
      DB_CONNECTION: 'mysql',
      MYSQL_HOST: settings.host,
      MYSQL_PORT: String(settings.port),
      MYSQL_USER: settings.user,
      MYSQL_PASSWORD: settings.password,
      MYSQL_DB_NAME: name,
    },
    async create() {
      const connection = await mysql.createConnection(mysqlSettings())
      await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4`)
      await connection.end()
    },
    openRaw: (connections) => mysqlRawClient(settings, connections),
  }
}

import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import mysql from 'mysql2/promise'
import { ChildServer } from '../child_server.ts'
import { ace } from '../bench_data.ts'
import { PrivateMariaDb, PrivateRedis } from './private_services.ts'
import type { LoadNode } from './mixed_load.ts'

const DATABASE = 'tablero_faults'
export const ADMIN = { email: 'admin@tablero.test', password: 'Admin123!' }

/**
 * Two app nodes (A and B, separate server processes on loopback ports)
 * sharing the bench's own MariaDB and Redis and one DRIVE_ROOT, on a fresh
 * database migrated and seeded with the demo (its admin signs in). Plugin
 * states are trusted for the default 2 s, as in production.
 */
export class Cluster {
  readonly mariadb: PrivateMariaDb
  readonly redis: PrivateRedis
  readonly a = new ChildServer('backend/bin/server.ts', 'faults-node-a')
  readonly b = new ChildServer('backend/bin/server.ts', 'faults-node-b')
  readonly nodes: LoadNode[] = [
    { name: 'A', baseUrl: '', up: false },
    { name: 'B', baseUrl: '', up: false },
  ]
  readonly env: Record<string, string>
  pool: mysql.Pool | null = null

  constructor(mysqlPort: number, redisPort: number) {
    this.mariadb = new PrivateMariaDb(mysqlPort)
    this.redis = new PrivateRedis(redisPort)
    this.env = {
      NODE_ENV: 'production',
      APP_KEY: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'warn',
      DB_CONNECTION: 'mysql',
      MYSQL_HOST: '127.0.0.1',
      MYSQL_PORT: String(mysqlPort),
      MYSQL_USER: 'root',
      MYSQL_PASSWORD: '',
      MYSQL_DB_NAME: DATABASE,
      REDIS_HOST: '127.0.0.1',
      REDIS_PORT: String(redisPort),
      DRIVE_ROOT: resolve('tmp/faults/drive'),
      IMPORT_MAX_MB: '100',
    }
  }

  async start() {
    await Promise.all([this.mariadb.start(), this.redis.start()])
    const admin = await mysql.createConnection(this.#settings())
    await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``)
    await admin.query(
      `CREATE DATABASE \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
    )
    await admin.end()
    await ace(['migration:run', '--force'], this.env)
    await ace(['db:seed'], this.env)
    this.pool = mysql.createPool({ ...this.#settings(), database: DATABASE, connectionLimit: 2 })
    await Promise.all([this.startNode(this.a), this.startNode(this.b)])
  }

  /** Starts a node (again on its old port when it had one: a restarted node is the same node). */
  async startNode(server: ChildServer) {
    const node = this.nodeOf(server)
    await server.start(this.env, node.baseUrl ? server.port : undefined)
    node.baseUrl = server.baseUrl
    node.up = true
  }

  nodeOf(server: ChildServer) {
    return this.nodes[server === this.a ? 0 : 1]
  }

  /** Rows of a query on the bench database (the bench's own check, never the app's). */
  async query(sql: string, bindings: unknown[] = []) {
    const [rows] = await this.pool!.query(sql, bindings)
    return rows as Array<Record<string, unknown>>
  }

  /** Whether both server processes are still alive ("nothing crashes"). */
  alive() {
    return [this.a, this.b].every((server) => server.running)
  }

  async stop() {
    await Promise.all([this.a.stop(), this.b.stop()])
    await this.pool?.end().catch(() => {})
    await Promise.all([this.mariadb.stop(), this.redis.stop()])
  }

  /** For an exit handler: nothing the bench started may outlive it. */
  killNow() {
    void this.a.kill()
    void this.b.kill()
    this.mariadb.killNow()
    this.redis.killNow()
  }

  #settings() {
    return { host: '127.0.0.1', port: this.mariadb.port, user: 'root', password: '' }
  }
}

/** One HTTP call of the bench itself (not the load): status and parsed body. */
export async function call(
  baseUrl: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; form?: FormData } = {}
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? (init.body || init.form ? 'POST' : 'GET'),
    headers: {
      accept: 'application/json',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.form ?? (init.body ? JSON.stringify(init.body) : undefined),
    // the bench's own calls (an upload of 14 MB on a busy node) may be slow; the load's may not
    signal: AbortSignal.timeout(120_000),
  })
  const text = await response.text()
  let body: any = null
  try {
    body = JSON.parse(text)
  } catch {
    body = text
  }
  return { status: response.status, body }
}

export async function signIn(baseUrl: string, email: string, password: string) {
  return call(baseUrl, '/api/auth/tokens', { body: { email, password, name: 'faults bench' } })
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

import { randomBytes } from 'node:crypto'
import type { BenchDatabase } from './bench_database.ts'
import { ChildServer } from './child_server.ts'

/**
 * The real HTTP server (backend/bin/server.ts) in production mode on a
 * free port, pointed at a bench database. Its output goes to
 * tmp/bench/server-<db>.log.
 */
export class AppServer {
  #server: ChildServer

  /** `env`: settings of this run on top of the database's (a larger import limit). */
  constructor(
    private database: BenchDatabase,
    private env: Record<string, string> = {}
  ) {
    this.#server = new ChildServer('backend/bin/server.ts', `server-${database.kind}`)
  }

  get pid() {
    return this.#server.pid
  }

  get baseUrl() {
    return this.#server.baseUrl
  }

  start() {
    return this.#server.start({
      ...this.database.env,
      NODE_ENV: 'production',
      APP_KEY: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'warn',
      ...this.env,
    })
  }

  /**
   * A bearer token for an account. POST /api/auth/tokens no longer needs a
   * CSRF cookie; the bench still sends the XSRF cookie and header from a
   * GET (harmless), so it also signs in against an older server.
   */
  async signIn(email: string, password: string) {
    const first = await fetch(`${this.baseUrl}/health`)
    const cookies = first.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
    const xsrf = cookies.find((cookie) => cookie.startsWith('XSRF-TOKEN='))?.slice(11) ?? ''
    const response = await fetch(`${this.baseUrl}/api/auth/tokens`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept': 'application/json',
        'cookie': cookies.join('; '),
        'x-xsrf-token': decodeURIComponent(xsrf),
      },
      body: JSON.stringify({ email, password, name: 'bench' }),
    })
    if (response.status !== 201) {
      throw new Error(`Sign-in as ${email} answered ${response.status}: ${await response.text()}`)
    }
    const body = (await response.json()) as { data: { token: string } }
    return body.data.token
  }

  stop() {
    return this.#server.stop()
  }
}

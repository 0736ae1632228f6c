import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdirSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import type { BenchDatabase } from './bench_database.ts'

/**
 * The real HTTP server (backend/bin/server.ts) in production mode on a
 * free port, pointed at a bench database. Its output goes to
 * tmp/bench/server-<db>.log.
 */
export class AppServer {
  #child: ChildProcess | null = null
  baseUrl = ''

  constructor(private database: BenchDatabase) {}

  async start() {
    const port = await freePort()
    mkdirSync('tmp/bench', { recursive: true })
    const log = createWriteStream(`tmp/bench/server-${this.database.kind}.log`)
    this.#child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'backend/bin/server.ts'], {
      env: {
        ...process.env,
        ...this.database.env,
        NODE_ENV: 'production',
        APP_KEY: randomBytes(32).toString('base64url'),
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.#child.stdout!.pipe(log)
    this.#child.stderr!.pipe(log)
    this.baseUrl = `http://127.0.0.1:${port}`
    await this.#waitUntilHealthy()
  }

  async #waitUntilHealthy() {
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      if (this.#child?.exitCode !== null) {
        throw new Error(`The server exited (see tmp/bench/server-${this.database.kind}.log)`)
      }
      try {
        const response = await fetch(`${this.baseUrl}/health`)
        if (response.ok) return
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    throw new Error('The server did not answer /health within 60 s')
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

  async stop() {
    const child = this.#child
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
}

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

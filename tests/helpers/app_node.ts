import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import app from '@adonisjs/core/services/app'

/**
 * A real server process (backend/bin/server.ts) on a loopback port, on the
 * test database unless `env` says otherwise: what another app node, or a
 * node whose database goes away, does. Its output is in
 * tmp/cluster/<name>.log.
 */
export class AppNode {
  #child: ChildProcess | null = null
  url = ''

  constructor(
    private name: string,
    private env: Record<string, string> = {}
  ) {}

  async start() {
    const port = await freePort()
    mkdirSync(app.tmpPath('cluster'), { recursive: true })
    const log = createWriteStream(app.tmpPath(`cluster/${this.name}.log`))
    this.#child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'backend/bin/server.ts'], {
      cwd: app.makePath(),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        SQLITE_PATH: app.tmpPath('test.sqlite3'),
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.#child.stdout!.pipe(log)
    this.#child.stderr!.pipe(log)
    this.url = `http://127.0.0.1:${port}`
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      if (this.#child.exitCode !== null) throw new Error(`node ${this.name} exited: see its log`)
      const healthy = await fetch(`${this.url}/health`).then(
        (response) => response.ok,
        () => false
      )
      if (healthy) return
      await sleep(200)
    }
    throw new Error(`node ${this.name} did not start`)
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

  fetch(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
    return fetch(`${this.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  }

  async signIn(email: string, password = 'Secret123!') {
    const response = await this.fetch('/api/auth/tokens', {
      method: 'POST',
      body: { email, password, name: 'cluster test' },
    })
    if (response.status !== 201) throw new Error(`sign-in answered ${response.status}`)
    return ((await response.json()) as { data: { token: string } }).data.token
  }
}

export function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until `check` is true or the time is up. */
export async function eventually(check: () => Promise<boolean>, seconds = 10) {
  const deadline = Date.now() + seconds * 1000
  while (Date.now() < deadline) {
    if (await check()) return true
    await sleep(100)
  }
  return false
}

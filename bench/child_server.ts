import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'

/**
 * A server the bench measures, in its own Node process (its own event
 * loop, never the bench's) on a free port of 127.0.0.1, its output in
 * tmp/bench/<logName>.log. Started once GET /health answers.
 */
export class ChildServer {
  #child: ChildProcess | null = null
  baseUrl = ''

  constructor(
    private script: string,
    private logName: string
  ) {}

  /** The server's process id, once started (the import bench reads its memory). */
  get pid() {
    return this.#child?.pid
  }

  /** `port`: the one it had before, for a node restarted as itself (bench/faults). */
  async start(env: Record<string, string>, port?: number) {
    port ??= await freePort()
    mkdirSync('tmp/bench', { recursive: true })
    const log = createWriteStream(`tmp/bench/${this.logName}.log`)
    // BENCH_SERVER_NODE_OPTIONS reaches the servers only (not the bench): `--cpu-prof` profiles them
    const nodeOptions = process.env.BENCH_SERVER_NODE_OPTIONS
    this.#child = spawn(process.execPath, ['--import=@poppinss/ts-exec', this.script], {
      env: {
        ...process.env,
        ...env,
        ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
        HOST: '127.0.0.1',
        PORT: String(port),
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
        throw new Error(`${this.script} exited (see tmp/bench/${this.logName}.log)`)
      }
      try {
        const response = await fetch(`${this.baseUrl}/health`)
        if (response.ok) return
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    throw new Error(`${this.script} did not answer /health within 60 s`)
  }

  /** Whether the process runs (started, not exited or killed). */
  get running() {
    return Boolean(this.#child && this.#child.exitCode === null && this.#child.signalCode === null)
  }

  /** The server's port, once started. */
  get port() {
    return Number(new URL(this.baseUrl).port)
  }

  /** Kills the process with SIGKILL, as a crash or a lost machine does; resolves once it is gone. */
  async kill() {
    const child = this.#child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  }

  async stop() {
    const child = this.#child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
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

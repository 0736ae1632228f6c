import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { resolve } from 'node:path'

const ROOT = resolve('tmp/faults')

/**
 * A database or Redis of the bench's own, on a loopback port, which the
 * bench stops and starts (scenarios 3 and 4): the shared MariaDB and Redis
 * other work uses are never touched. Its output goes to tmp/faults/<name>.log.
 */
abstract class PrivateService {
  #child: ChildProcess | null = null

  constructor(
    readonly name: string,
    readonly port: number
  ) {}

  protected abstract command(): { file: string; args: string[] }

  /** Starts the process and resolves once its port accepts connections. */
  async start() {
    const { file, args } = this.command()
    const log = createWriteStream(`${ROOT}/${this.name}.log`, { flags: 'a' })
    const child = spawn('nice', ['-n', '19', file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout!.pipe(log)
    child.stderr!.pipe(log)
    this.#child = child
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`${this.name} exited: see ${ROOT}/${this.name}.log`)
      if (await portAnswers(this.port)) return
      await new Promise((done) => setTimeout(done, 100))
    }
    throw new Error(`${this.name} did not listen on ${this.port} within 60 s`)
  }

  /** SIGTERM (a clean shutdown, as a restart does), resolving once the process is gone. */
  async stop() {
    const child = this.#child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    await exited
    clearTimeout(timer)
    this.#child = null
  }

  /** For an exit handler: the process must not outlive the bench, whatever happened. */
  killNow() {
    this.#child?.kill('SIGKILL')
  }
}

/** mariadbd on its own data directory (tmp/faults/mysql, created once), as root. */
export class PrivateMariaDb extends PrivateService {
  readonly datadir = `${ROOT}/mysql`

  constructor(port: number) {
    super('mariadbd', port)
  }

  async start() {
    mkdirSync(ROOT, { recursive: true })
    if (!existsSync(`${this.datadir}/mysql`)) {
      rmSync(this.datadir, { recursive: true, force: true })
      const install = spawnSync(
        'mariadb-install-db',
        [
          '--no-defaults',
          `--datadir=${this.datadir}`,
          '--user=root',
          '--skip-test-db',
          '--auth-root-authentication-method=normal',
        ],
        { encoding: 'utf8' }
      )
      if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`)
    }
    await super.start()
  }

  protected command() {
    return {
      file: '/usr/sbin/mariadbd',
      args: [
        '--no-defaults',
        `--datadir=${this.datadir}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${ROOT}/mysqld.sock`,
        `--pid-file=${ROOT}/mysqld.pid`,
        '--user=root',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=128M',
        '--max-connections=200',
      ],
    }
  }
}

/** redis-server without persistence: a restart loses its keys, as a replaced Redis does. */
export class PrivateRedis extends PrivateService {
  constructor(port: number) {
    super('redis', port)
  }

  protected command() {
    return {
      file: 'redis-server',
      args: [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        ROOT,
      ],
    }
  }
}

export function portAnswers(port: number) {
  return new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1')
    socket.setTimeout(1000)
    socket.once('connect', () => {
      socket.destroy()
      done(true)
    })
    socket.once('timeout', () => {
      socket.destroy()
      done(false)
    })
    socket.once('error', () => done(false))
  })
}

import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace tablero:prepare — what `npm start` does before serving: build
 * the admin when its sources are newer than the build, run every pending
 * migration (core and plugins), and seed the demo into an empty database.
 */
export default class TableroPrepare extends BaseCommand {
  static commandName = 'tablero:prepare'
  static description = 'Build the admin if needed, migrate, and seed the demo when empty'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Skip building the admin' })
  declare skipAdmin: boolean

  async run() {
    if (!this.skipAdmin) this.#buildAdminIfStale()

    const migrate = await this.kernel.exec('migration:run', ['--force'])
    if (migrate.exitCode) {
      this.exitCode = 1
      return
    }

    const seed = await this.kernel.exec('db:seed', [])
    if (seed.exitCode) this.exitCode = 1
  }

  #buildAdminIfStale() {
    const config = this.app.makePath('admin/vite.config.ts')
    if (!existsSync(config)) return
    const built = this.app.makePath('admin/dist/index.html')
    const sources = [this.app.makePath('admin'), ...this.#pluginAdminDirs()]
    if (existsSync(built) && newestMtime(sources, ['dist']) <= statSync(built).mtimeMs) {
      this.logger.info('Admin is up to date')
      return
    }
    this.logger.info('Building the admin (vite build)…')
    const vite = this.app.makePath('node_modules/vite/bin/vite.js')
    const result = spawnSync(process.execPath, [vite, 'build', '--config', config], {
      stdio: 'inherit',
      cwd: this.app.makePath(),
    })
    if (result.status !== 0) throw new Error('Admin build failed (see the output above)')
  }

  #pluginAdminDirs() {
    const root = this.app.makePath('plugins')
    if (!existsSync(root)) return []
    return readdirSync(root)
      .map((name) => join(root, name, 'admin'))
      .filter((dir) => existsSync(dir))
  }
}

function newestMtime(paths: string[], skip: string[]): number {
  let newest = 0
  for (const path of paths) {
    const stat = statSync(path)
    if (stat.isFile()) {
      newest = Math.max(newest, stat.mtimeMs)
      continue
    }
    for (const entry of readdirSync(path)) {
      if (skip.includes(entry) || entry === 'node_modules') continue
      newest = Math.max(newest, newestMtime([join(path, entry)], skip))
    }
  }
  return newest
}

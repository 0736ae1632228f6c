import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { pluginScaffold } from '#kernel/plugin_scaffold'

const PLUGIN_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

/**
 * node ace make:plugin NAME — scaffolds plugins/NAME with the anatomy of
 * DESIGN.md (manifest, backend routes, migrations folder, admin entry,
 * a passing test and a README).
 */
export default class MakePlugin extends BaseCommand {
  static commandName = 'make:plugin'
  static description = 'Scaffold a new plugin under plugins/'
  static options: CommandOptions = { startApp: false }

  @args.string({ description: 'Plugin name in kebab-case, e.g. collections-alerts' })
  declare name: string;

  @flags.string({ description: 'Folder to create the plugin in', default: 'plugins' })
  declare in: string

  async run() {
    if (!PLUGIN_NAME.test(this.name)) {
      this.logger.error(`Plugin "${this.name}": the name must be kebab-case (e.g. my-plugin)`)
      this.exitCode = 1
      return
    }
    const root = this.app.makePath(this.in, this.name)
    if (existsSync(root)) {
      this.logger.error(`Plugin "${this.name}": ${this.in}/${this.name} already exists`)
      this.exitCode = 1
      return
    }
    for (const [relative, contents] of Object.entries(pluginScaffold(this.name, new Date()))) {
      const file = join(root, relative)
      await mkdir(join(file, '..'), { recursive: true })
      await writeFile(file, contents)
      this.logger.action(`create ${this.in}/${this.name}/${relative}`).succeeded()
    }
    this.logger.info(`Run "node ace migration:run", then "npm test" to see its test pass`)
  }
}

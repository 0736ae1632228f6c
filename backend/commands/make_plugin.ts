import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { format, resolveConfig } from 'prettier'
import { pluginScaffold } from '#kernel/plugin_scaffold'

const PLUGIN_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

/**
 * node ace make:plugin NAME — scaffolds plugins/NAME with the anatomy of
 * DESIGN.md: a manifest with a permission, a migration, one resource with
 * role permissions, a kernel hook, a route, a passing test and a README,
 * all importing the core through `#sdk` only.
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
      await writeFile(file, await this.#formatted(file, contents))
      this.logger.action(`create ${this.in}/${this.name}/${relative}`).succeeded()
    }
    this.logger.info(`Run "node ace migration:run", then "npm test" to see its test pass`)
  }

  /**
   * Code through the project's Prettier config: a long plugin name moves
   * line breaks, and the generated plugin must pass the lint as it is.
   */
  async #formatted(file: string, contents: string) {
    if (!file.endsWith('.ts')) return contents
    const config = await resolveConfig(this.app.makePath('package.json'))
    return format(contents, { ...config, filepath: file })
  }
}

import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * Where plugins live. `plugins/` always; TABLERO_PLUGIN_DIRS (comma
 * separated, relative to the app root) replaces the list, which is how the
 * kernel tests add `tests/fixtures/plugins`.
 *
 * This module is synchronous and dependency-free because config files
 * (database migration paths) need it before the application has booted.
 */
export const APP_ROOT_PATH = resolve(import.meta.dirname, '../..')

export function pluginRoots(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = env.TABLERO_PLUGIN_DIRS?.split(',')
    .map((dir) => dir.trim())
    .filter(Boolean)
  return configured && configured.length > 0 ? configured : ['plugins']
}

export interface PluginFolder {
  /** Folder name, which must equal the manifest's name */
  folder: string
  /** Path relative to the app root, e.g. plugins/dialer */
  relativePath: string
  /** Absolute path */
  absolutePath: string
}

/**
 * Every folder under the plugin roots that holds a `plugin.ts` manifest.
 */
export function pluginFolders(env: NodeJS.ProcessEnv = process.env): PluginFolder[] {
  const folders: PluginFolder[] = []
  for (const root of pluginRoots(env)) {
    const absoluteRoot = resolve(APP_ROOT_PATH, root)
    if (!existsSync(absoluteRoot)) continue
    for (const entry of readdirSync(absoluteRoot, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue
      const absolutePath = join(absoluteRoot, entry.name)
      if (!existsSync(join(absolutePath, 'plugin.ts'))) continue
      folders.push({ folder: entry.name, relativePath: `${root}/${entry.name}`, absolutePath })
    }
  }
  return folders.sort((a, b) => a.folder.localeCompare(b.folder))
}

/**
 * Migration folders of every discovered plugin, in the form Lucid expects
 * (relative to the app root). A plugin without migrations contributes none.
 */
export function pluginMigrationPaths(env: NodeJS.ProcessEnv = process.env): string[] {
  return pluginFolders(env)
    .map((plugin) => `${plugin.relativePath}/database/migrations`)
    .filter((path) => existsSync(resolve(APP_ROOT_PATH, path)))
}

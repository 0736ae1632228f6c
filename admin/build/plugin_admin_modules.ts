import { existsSync, readdirSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import type { Plugin, ViteDevServer } from 'vite'

/**
 * Build-time discovery of plugin admin modules.
 *
 * The backend discovers plugins by their `plugin.ts` manifest; the admin discovers the matching
 * `<pluginDir>/admin/index.tsx` here, from the same `TABLERO_PLUGIN_DIRS` variable, so both halves
 * see the same set. Every module is referenced through a dynamic `import()`, which makes each
 * plugin its own lazy chunk: the shell downloads a plugin only once the backend says it is enabled.
 */
export const PLUGIN_MODULES_ID = 'virtual:tablero-plugins'
const RESOLVED_PLUGIN_MODULES_ID = `\0${PLUGIN_MODULES_ID}`
const ADMIN_ENTRY = join('admin', 'index.tsx')

/** Absolute plugin directories from a comma-separated list relative to the repository root. */
export function resolvePluginDirs(repoRoot: string, list = process.env.TABLERO_PLUGIN_DIRS) {
  return (list || 'plugins')
    .split(',')
    .map((dir) => dir.trim())
    .filter(Boolean)
    .map((dir) => resolve(repoRoot, dir))
}

/** Plugin folder name → absolute path of its admin entry, for every plugin that has one. */
export function findPluginAdminEntries(pluginDirs: string[]) {
  const entries = new Map<string, string>()
  for (const dir of pluginDirs) {
    if (!existsSync(dir)) continue
    for (const folder of readdirSync(dir, { withFileTypes: true })) {
      if (!folder.isDirectory()) continue
      const entry = join(dir, folder.name, ADMIN_ENTRY)
      if (!existsSync(entry)) continue
      const previous = entries.get(folder.name)
      if (previous) {
        // Two folders with one name would make the menu and the routes ambiguous; the backend
        // refuses duplicate plugin names as well, so fail the build loudly instead of picking one.
        throw new Error(`Plugin "${folder.name}" has two admin modules: ${previous} and ${entry}`)
      }
      entries.set(folder.name, entry)
    }
  }
  return entries
}

function renderVirtualModule(entries: Map<string, string>) {
  const lines = [...entries].map(
    ([name, entry]) => `  ${JSON.stringify(name)}: () => import(${JSON.stringify(entry)}),`
  )
  return `export const pluginAdminLoaders = {\n${lines.join('\n')}\n}\n`
}

/** Reload the dev server page when a plugin gains or loses its admin entry. */
function watchPluginDirs(server: ViteDevServer, pluginDirs: string[]) {
  server.watcher.add(pluginDirs)
  const onChange = (file: string) => {
    if (!file.endsWith(`${sep}${ADMIN_ENTRY}`)) return
    if (!pluginDirs.some((dir) => file.startsWith(dir + sep))) return
    const virtualModule = server.moduleGraph.getModuleById(RESOLVED_PLUGIN_MODULES_ID)
    if (virtualModule) server.moduleGraph.invalidateModule(virtualModule)
    server.ws.send({ type: 'full-reload' })
  }
  server.watcher.on('add', onChange)
  server.watcher.on('unlink', onChange)
}

export function tableroPluginModules(options: { pluginDirs: string[] }): Plugin {
  return {
    name: 'tablero-plugin-modules',
    resolveId(id) {
      return id === PLUGIN_MODULES_ID ? RESOLVED_PLUGIN_MODULES_ID : undefined
    },
    load(id) {
      if (id !== RESOLVED_PLUGIN_MODULES_ID) return undefined
      return renderVirtualModule(findPluginAdminEntries(options.pluginDirs))
    },
    configureServer(server) {
      watchPluginDirs(server, options.pluginDirs)
    },
  }
}

/**
 * Names each plugin's lazy chunk after the plugin (`assets/plugin-hello-<hash>.js`), so the build
 * report and the network panel say which plugin a download belongs to.
 */
export function pluginChunkFileNames(pluginDirs: string[]) {
  return (chunk: { facadeModuleId: string | null }) => {
    const entry = chunk.facadeModuleId ?? ''
    const dir = pluginDirs.find((candidate) => entry.startsWith(candidate + sep))
    if (!dir || !entry.endsWith(`${sep}${ADMIN_ENTRY}`)) return 'assets/[name]-[hash].js'
    const plugin = entry.slice(dir.length + 1).split(sep)[0]
    return `assets/plugin-${plugin}-[hash].js`
  }
}

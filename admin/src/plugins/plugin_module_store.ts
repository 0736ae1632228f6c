import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { pluginAdminLoaders } from 'virtual:tablero-plugins'
import type { PluginAdminModule } from '../sdk'

type ModuleState =
  | { status: 'loading' }
  | { status: 'ready'; module: PluginAdminModule }
  | { status: 'failed'; error: unknown }

export interface LoadedPluginModule {
  plugin: string
  module: PluginAdminModule
}

/**
 * Lazy loading of plugin admin modules. A module is downloaded the first time an enabled plugin
 * needs it and kept afterwards: disabling hides it (callers pass only enabled names), enabling
 * again shows it without another download.
 */
let states: Record<string, ModuleState> = {}
const listeners = new Set<() => void>()

function setState(plugin: string, state: ModuleState) {
  states = { ...states, [plugin]: state }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function hasAdminModule(plugin: string) {
  return Object.hasOwn(pluginAdminLoaders, plugin)
}

function requestModule(plugin: string) {
  if (!hasAdminModule(plugin) || states[plugin]) return
  setState(plugin, { status: 'loading' })
  pluginAdminLoaders[plugin]().then(
    (loaded) => setState(plugin, { status: 'ready', module: loaded.default ?? {} }),
    (error: unknown) => {
      console.error(`Admin module of plugin "${plugin}" failed to load`, error)
      setState(plugin, { status: 'failed', error })
    }
  )
}

/**
 * The admin modules of the given (enabled) plugins, in the given order, loading the missing ones.
 * `pending` stays true while any of them is still on its way.
 */
export function usePluginModules(plugins: string[]) {
  const snapshot = useSyncExternalStore(subscribe, () => states)
  const key = plugins.join('\n')

  useEffect(() => {
    for (const plugin of plugins) requestModule(plugin)
    // `key` stands for the list's content; a new array with the same names must not re-run this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  return useMemo(() => {
    const withModule = plugins.filter(hasAdminModule)
    const modules: LoadedPluginModule[] = []
    const failed: string[] = []
    let pending = false
    for (const plugin of withModule) {
      const state = snapshot[plugin]
      if (!state || state.status === 'loading') pending = true
      else if (state.status === 'ready') modules.push({ plugin, module: state.module })
      else failed.push(plugin)
    }
    return { modules, pending, failed }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot, key])
}

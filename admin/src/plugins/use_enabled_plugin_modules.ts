import { useMemo } from 'react'
import { useAdminMeta } from '../meta/meta_store'
import { usePluginModules } from './plugin_module_store'

/** Admin modules of the plugins `/api/meta` reports as enabled, in the kernel's order. */
export function useEnabledPluginModules() {
  const { meta } = useAdminMeta()
  const names = useMemo(() => (meta?.plugins ?? []).map((plugin) => plugin.name), [meta])
  return usePluginModules(names)
}

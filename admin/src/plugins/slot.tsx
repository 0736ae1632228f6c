import { type ComponentType, useMemo } from 'react'
import type { SlotName } from '../sdk'
import { PluginErrorBoundary } from './plugin_error_boundary'
import { useEnabledPluginModules } from './use_enabled_plugin_modules'

export interface SlotComponent {
  plugin: string
  Component: ComponentType<any>
}

/**
 * The components enabled plugins contribute to a slot, for core screens that need more than
 * rendering them in a row (e.g. turning `clients.list.columns` entries into table columns).
 */
export function useSlotComponents(name: SlotName): SlotComponent[] {
  const { modules } = useEnabledPluginModules()
  return useMemo(
    () =>
      modules.flatMap(({ plugin, module }) =>
        (module.slots?.[name] ?? []).map((Component) => ({ plugin, Component }))
      ),
    [modules, name]
  )
}

/** Renders what enabled plugins put into the named slot of a core screen, given its props. */
export function Slot<Props extends object>({ name, props }: { name: SlotName; props?: Props }) {
  const components = useSlotComponents(name)
  return (
    <>
      {components.map(({ plugin, Component }, index) => (
        <PluginErrorBoundary key={`${plugin}:${index}`} plugin={plugin} compact>
          <Component {...props} />
        </PluginErrorBoundary>
      ))}
    </>
  )
}

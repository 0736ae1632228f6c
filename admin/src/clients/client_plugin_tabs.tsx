import type { TabsProps } from 'antd'
import type { ComponentType } from 'react'
import { useLocalize, type LocalizedText } from '../i18n/localized_text'
import { useAdminMeta } from '../meta/meta_store'
import { PluginErrorBoundary } from '../plugins/plugin_error_boundary'
import { useSlotComponents } from '../plugins/slot'
import type { ClientRecord } from './client_record'

/** A `client.tabs` component may name its tab with `tabTitle`; the plugin's label otherwise. */
type ClientTabComponent = ComponentType<{ client: ClientRecord }> & { tabTitle?: LocalizedText }

/**
 * Tabs that enabled plugins add to the client page (gestiones, payments, wallet…), each inside
 * its own error boundary so one plugin's crash leaves the page and the other tabs working.
 */
export function usePluginClientTabs(client: ClientRecord): NonNullable<TabsProps['items']> {
  const components = useSlotComponents('client.tabs')
  const localize = useLocalize()
  const { meta } = useAdminMeta()
  return components.map(({ plugin, Component }, index) => {
    const Tab = Component as ClientTabComponent
    const pluginLabel = meta?.plugins.find((candidate) => candidate.name === plugin)?.label
    // `?tab=plugin:<name>` opens a plugin's (first) tab from a link, whatever other plugins add
    const before = components.slice(0, index).filter((other) => other.plugin === plugin).length
    const key = before === 0 ? `plugin:${plugin}` : `plugin:${plugin}:${before}`
    return {
      key,
      label: (
        <span data-testid={`client-tab-plugin-${plugin}`}>
          {localize(Tab.tabTitle ?? pluginLabel ?? plugin)}
        </span>
      ),
      children: (
        <PluginErrorBoundary plugin={plugin}>
          <Tab client={client} />
        </PluginErrorBoundary>
      ),
    }
  })
}

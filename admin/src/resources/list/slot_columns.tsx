import type { TableColumnType } from 'antd'
import type { ComponentType } from 'react'
import type { LocalizedText } from '../../i18n/localized_text'
import { useLocalize } from '../../i18n/localized_text'
import { useAdminMeta } from '../../meta/meta_store'
import { PluginErrorBoundary } from '../../plugins/plugin_error_boundary'
import { useSlotComponents } from '../../plugins/slot'

/**
 * A plugin component for a list-columns slot may name its column (else the plugin's label) and
 * the field its column follows (`columnAfter: 'last_name'`: "Alerta" after the name; else the
 * column comes after the fields).
 */
type ColumnComponent = ComponentType<{ record: Record<string, unknown> }> & {
  columnTitle?: LocalizedText
  columnAfter?: string
}

/** A plugin's column, with the field it follows when it asked for a place. */
export type SlotColumn = TableColumnType<Record<string, unknown>> & { after?: string }

/**
 * Columns that enabled plugins add to a resource's list through the `<resource>.list.columns`
 * slot (`clients.list.columns`…): one column per component, which renders a cell given the row
 * as `record`. A crashing plugin cell stays inside its cell.
 */
export function useSlotColumns(resource: string): SlotColumn[] {
  const components = useSlotComponents(`${resource}.list.columns`)
  const localize = useLocalize()
  const { meta } = useAdminMeta()

  return components.map(({ plugin, Component }, index) => {
    const Cell = Component as ColumnComponent
    const pluginLabel = meta?.plugins.find((candidate) => candidate.name === plugin)?.label
    return {
      key: `slot:${plugin}:${index}`,
      after: Cell.columnAfter,
      title: localize(Cell.columnTitle ?? pluginLabel ?? plugin),
      render: (_: unknown, record: Record<string, unknown>) => (
        <PluginErrorBoundary plugin={plugin} compact>
          <Cell record={record} />
        </PluginErrorBoundary>
      ),
    }
  })
}

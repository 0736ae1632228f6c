import type { CrudFilter } from '@refinedev/core'
import type { Key } from 'react'
import { PluginErrorBoundary } from '../../plugins/plugin_error_boundary'
import { useSlotComponents, type SlotComponent } from '../../plugins/slot'
import { toFilterTree, toSearchTerm } from '../../providers/filter_tree'
import type { ListBulkActionProps } from '../../sdk'

/** The components enabled plugins put in a resource's `<resource>.list.bulkActions` slot. */
export function useListBulkActions(resource: string) {
  return useSlotComponents(`${resource}.list.bulkActions`)
}

interface ListBulkActionsProps {
  components: SlotComponent[]
  resource: string
  /** the list's filters as sent to the server (permanent ones included) */
  filters: CrudFilter[]
  selectedIds: Key[]
  done: () => void
}

/**
 * Plugin actions on the list's rows (a bulk wallet toggle…), beside bulk edit and delete: each
 * receives the checked rows and the list's filter tree and search, as the export sends them.
 */
export function ListBulkActions({
  components,
  resource,
  filters,
  selectedIds,
  done,
}: ListBulkActionsProps) {
  if (components.length === 0) return null
  const props: ListBulkActionProps = {
    resource,
    filter: toFilterTree(filters) ?? null,
    q: toSearchTerm(filters),
    selectedIds: selectedIds.map((key) => (typeof key === 'bigint' ? Number(key) : key)),
    done,
  }
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

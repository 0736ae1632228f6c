import type { CrudSort } from '@refinedev/core'
import type { ResourceDescription } from '../../meta/admin_meta'

/**
 * The resource's default sort (`-is_primary,id`) as Refine sorters, so the table shows which
 * columns sort the rows. Keys on non-sortable fields are left to the server, which applies the
 * default itself when none is sent.
 */
export function initialSorters(resource: ResourceDescription): CrudSort[] {
  const sortable = new Set(resource.fields.filter((f) => f.sortable).map((f) => f.name))
  return resource.defaultSort
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)
    .map((key): CrudSort => ({
      field: key.replace(/^[-+]/, ''),
      order: key.startsWith('-') ? 'desc' : 'asc',
    }))
    .filter((sorter) => sortable.has(sorter.field))
}

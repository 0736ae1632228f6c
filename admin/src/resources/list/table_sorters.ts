import type { CrudSort } from '@refinedev/core'
import type { SorterResult, SortOrder } from 'antd/es/table/interface'

/** The resource engine sorts by at most three keys. */
const MAX_SORT_KEYS = 3

type Sorter<T> = SorterResult<T> | SorterResult<T>[]

function orderOf<T>(sorter: SorterResult<T>): CrudSort['order'] | null {
  if (!sorter.order) return null
  return sorter.order === 'descend' ? 'desc' : 'asc'
}

/**
 * The sorters after a click on a column header. The column clicked last becomes the first key
 * and the earlier ones break its ties, so clicking "priority" on a list sorted by id sorts by
 * priority at once; clicking it again reverses it, a third time drops it.
 */
export function nextSorters<T>(current: CrudSort[], sorter: Sorter<T>): CrudSort[] {
  const states = (Array.isArray(sorter) ? sorter : [sorter]).filter((state) => state.columnKey)
  const reported = new Map(states.map((state) => [String(state.columnKey), orderOf(state)]))
  const known = new Map(current.map((item) => [item.field, item.order]))
  // antd reports every sorted column; the clicked one is the one whose order changed.
  const candidates = new Set([...reported.keys(), ...known.keys()])
  const clicked = [...candidates].find(
    (field) => (reported.get(field) ?? null) !== (known.get(field) ?? null)
  )
  if (!clicked) return current
  const order = reported.get(clicked) ?? null
  const rest = current.filter((item) => item.field !== clicked)
  const next: CrudSort[] = order ? [{ field: clicked, order }, ...rest] : rest
  return next.slice(0, MAX_SORT_KEYS)
}

/** The arrow a column shows for the current sorters. */
export function sortOrderOf(field: string, sorters: CrudSort[]): SortOrder {
  const sorter = sorters.find((candidate) => candidate.field === field)
  if (!sorter) return null
  return sorter.order === 'desc' ? 'descend' : 'ascend'
}

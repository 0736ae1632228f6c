import type { CrudSort } from '@refinedev/core'
import { newGroup, type FilterGroup } from '../filters/filter_model'

/** What an agent set up on a list: it is still there after opening a record and coming back. */
export interface ListState {
  filter: FilterGroup
  search: string
  sorters: CrudSort[] | null
  currentPage: number
  pageSize: number
}

const storageKey = (resource: string) => `tablero.list.${resource}`

/**
 * The list's state for this browser tab (sessionStorage: a new tab starts clean, a colleague's
 * filter on a shared computer does not outlive the tab).
 */
export function readListState(resource: string): ListState {
  const fallback: ListState = {
    filter: newGroup(),
    search: '',
    sorters: null,
    currentPage: 1,
    pageSize: 25,
  }
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(storageKey(resource)) ?? 'null')
    if (!stored || stored.filter?.kind !== 'group') return fallback
    return { ...fallback, ...stored }
  } catch {
    return fallback
  }
}

export function rememberListState(resource: string, state: ListState) {
  try {
    window.sessionStorage.setItem(storageKey(resource), JSON.stringify(state))
  } catch {
    // Storage may be full or blocked: the list simply starts afresh next time.
  }
}

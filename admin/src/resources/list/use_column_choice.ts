import { useCallback, useState } from 'react'
import type { ResourceDescription } from '../../meta/admin_meta'

const storageKey = (resource: string) => `tablero.columns.${resource}`

/** The role's default columns when the resource names them (issue 20), every listable field else. */
function defaultColumns(resource: ResourceDescription) {
  const listable = resource.fields.filter((field) => field.listable).map((field) => field.name)
  const chosen = resource.defaultColumns?.filter((name) => listable.includes(name))
  return chosen && chosen.length > 0 ? chosen : listable
}

/** The remembered choice, minus fields the resource no longer has (a custom field removed). */
function readChoice(resource: ResourceDescription): string[] | null {
  try {
    const stored = JSON.parse(window.localStorage.getItem(storageKey(resource.name)) ?? 'null')
    if (!Array.isArray(stored)) return null
    const known = new Set(resource.fields.map((field) => field.name))
    const names = stored.filter(
      (name): name is string => typeof name === 'string' && known.has(name)
    )
    return names.length > 0 ? names : null
  } catch {
    return null
  }
}

/**
 * The columns a user shows for a resource: its role's defaults (or the listable fields) until
 * the user picks others, then that pick, remembered in this browser per resource.
 */
export function useColumnChoice(resource: ResourceDescription) {
  const [columns, setColumns] = useState(() => readChoice(resource) ?? defaultColumns(resource))

  const choose = useCallback(
    (names: string[] | null) => {
      const next = names && names.length > 0 ? names : defaultColumns(resource)
      setColumns(next)
      try {
        if (names) window.localStorage.setItem(storageKey(resource.name), JSON.stringify(next))
        else window.localStorage.removeItem(storageKey(resource.name))
      } catch {
        // Storage may be blocked; the choice then lasts until the page is left.
      }
    },
    [resource]
  )

  return { columns, choose }
}

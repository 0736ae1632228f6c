import { useCallback, useState } from 'react'
import type { ResourceDescription } from '../../meta/admin_meta'

const storageKey = (resource: string) => `tablero.columns.${resource}`

function defaultColumns(resource: ResourceDescription) {
  return resource.fields.filter((field) => field.listable).map((field) => field.name)
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
 * The columns a user shows for a resource: the listable fields until the user picks others,
 * then that pick, remembered in this browser per resource.
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

import type { QueryClientContract } from '@adonisjs/lucid/types/database'

type Row = Record<string, unknown>

/**
 * The two rowless states' ids, read once: the states are read-only through the API, written
 * by the migration and, after a test empties the table, by ensureContactabilityStates, which
 * forgets them. Saves a query on every client list page and caller-ID lookup.
 */
let rowless: Map<string, number> | null = null

export function forgetRowlessStates() {
  rowless = null
}

async function rowlessStates(client: QueryClientContract) {
  if (rowless) return rowless
  const states = (await client
    .from('ca_contactability_states')
    .whereIn('key', ['contactable', 'new'])
    .select('id', 'key')) as Array<{ id: number; key: string }>
  const found = new Map(states.map((state) => [state.key, Number(state.id)]))
  if (found.size === 2) rowless = found
  return found
}

/**
 * The "Contactabilidad" a reader sees for clients with no problem row (the
 * field's `whenNone`), by the rule of the filter and the indicators:
 * contacted at least once → "Contactable", never → "Nuevo". Reads
 * `last_interaction_at` of the rows that were read without it.
 */
export async function shownContactability(
  rows: Row[],
  client: QueryClientContract
): Promise<number[][]> {
  const idOf = await rowlessStates(client)
  const unread = rows.filter((row) => !('last_interaction_at' in row)).map((row) => row.id)
  const contacted = new Map<string, boolean>()
  if (unread.length > 0) {
    const found = (await client
      .from('clients')
      .whereIn('id', unread as number[])
      .select('id', 'last_interaction_at')) as Row[]
    for (const row of found) contacted.set(String(row.id), row.last_interaction_at !== null)
  }
  return rows.map((row) => {
    const reached =
      'last_interaction_at' in row
        ? row.last_interaction_at !== null && row.last_interaction_at !== undefined
        : (contacted.get(String(row.id)) ?? false)
    const id = idOf.get(reached ? 'contactable' : 'new')
    return id === undefined ? [] : [id]
  })
}

import { ClientNameColumns } from '#resources/client_name_columns'
import resources from '#services/resources'

/**
 * The columns plugins put beside a client's name, for a report in
 * `language` (see ClientNameColumns): `header()`, then per batch of rows
 * `await load(clientIds, client)` and `cells(clientId)`.
 */
export function clientNameColumns(language: 'es' | 'en') {
  return ClientNameColumns.for(resources, language)
}

export type { ClientNameColumns }

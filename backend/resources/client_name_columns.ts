import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ExportValues } from './export_values.ts'
import { loadShownLinks } from './relation_links.ts'
import type { ResourceRegistry } from './resource_registry.ts'
import { primaryKeyOf } from './resource_registry.ts'
import type { FieldDefinition } from './types.ts'
import { presentRow } from './values.ts'

/** The clients' fields that make up the name: a field placed after one of them sits beside it. */
const NAME_FIELDS = new Set(['first_name', 'last_name'])

/**
 * The columns enabled plugins put beside a client's name (a clients field
 * whose `after` is a name field, e.g. collections-alerts' "Alerta"), for
 * reports that list clients outside the resource engine (the interactions
 * report): headers in the report's language and each client's cells as the
 * CSV export writes them, loaded for a batch of clients at once. The report
 * never learns which plugin added them.
 */
export class ClientNameColumns {
  #values: ExportValues
  #cells = new Map<number, unknown[]>()

  private constructor(
    private registry: ResourceRegistry,
    private fields: FieldDefinition[],
    language: 'es' | 'en'
  ) {
    this.#values = new ExportValues(registry, fields, language)
  }

  static for(registry: ResourceRegistry, language: 'es' | 'en') {
    const clients = registry.find('clients')
    const fields = clients
      ? [...registry.fieldsOf(clients).values()].filter(
          (field) => field.after && NAME_FIELDS.has(field.after) && field.type !== 'password'
        )
      : []
    return new ClientNameColumns(registry, fields, language)
  }

  /** The headers in the report's language, in order (none when no plugin adds a column). */
  header() {
    return this.#values.header(false)
  }

  /** The headers as field names (`alerts`), for a download asked with `headers=keys`. */
  keys() {
    return this.#values.header(true)
  }

  /** Loads the cells of these clients (a report's batch), forgetting the previous batch's. */
  async load(clientIds: number[], client: QueryClientContract) {
    this.#cells.clear()
    const definition = this.registry.find('clients')
    if (this.fields.length === 0 || !definition || clientIds.length === 0) return
    const key = primaryKeyOf(definition)
    const fields = new Map(this.fields.map((field) => [field.name, field]))
    const columns = this.fields.filter((field) => field.type !== 'relations').map((f) => f.name)
    const ids = [...new Set(clientIds)]
    const rows: Record<string, unknown>[] = columns.length
      ? await client
          .from(definition.table)
          .whereIn(key, ids)
          .select(key, ...columns)
      : ids.map((id) => ({ [key]: id }))
    await loadShownLinks(definition, fields, rows, client)
    const presented = rows.map((row) => ({ id: Number(row[key]), row: presentRow(fields, row) }))
    await this.#values.load(
      presented.map(({ row }) => row),
      client
    )
    for (const { id, row } of presented) this.#cells.set(id, this.#values.cells(row))
  }

  /** The cells of one loaded client; empty ones for a client that is gone. */
  cells(clientId: number) {
    return this.#cells.get(Number(clientId)) ?? this.fields.map(() => null)
  }
}

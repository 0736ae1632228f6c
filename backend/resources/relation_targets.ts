import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { fieldInputError } from './errors.ts'
import { ARCHIVED_AT, primaryKeyOf, type ResourceRegistry } from './resource_registry.ts'
import type { FieldDefinition } from './types.ts'

/** Answers remembered by one ResourceService (a request, or a whole import run). */
const REMEMBERED_MAX = 10_000
/** Ids asked at once by `prefetch`. */
const PREFETCH_CHUNK = 1_000

/**
 * A written relation must point at an existing record: the foreign key
 * would refuse it anyway, but as a 409 naming no field; this says which
 * field, as a 422, before anything is written (and lets an import's
 * validation pass, which writes nothing, report it). Targets repeat from
 * row to row of an import (a campaign, an agent), hence the memory of
 * answers. A new link to an archived record (a client put in an archived
 * campaign) is refused too: archived records leave the pickers, and the
 * API says so for whoever writes without them. Callers pass only values
 * that change, so a client stays in the campaign it has.
 */
type Target = 'missing' | 'archived' | 'ok'

export class RelationTargets {
  #known = new Map<string, Target>()

  constructor(private registry: ResourceRegistry) {}

  /** `skip`: a field checked elsewhere (a satellite's parent, with its row scope). */
  async check(
    fields: Map<string, FieldDefinition>,
    values: Record<string, unknown>,
    trx: QueryClientContract,
    skip?: string
  ) {
    for (const field of fields.values()) {
      const id = values[field.name]
      if (field.type !== 'relation' || !field.relation || field.name === skip) continue
      if (id === undefined || id === null) continue
      const target = await this.#target(field.relation.resource, id, trx)
      if (target === 'ok') continue
      const resource = field.relation.resource
      throw target === 'missing'
        ? fieldInputError(field.name, `No ${resource} record ${String(id)}`, 'exists')
        : fieldInputError(
            field.name,
            `${resource} record ${String(id)} is archived: restore it to choose it`,
            'archived'
          )
    }
  }

  /**
   * Learns the targets of many rows' relations in one query per field (a
   * batch create), so that `check` on each row asks the database nothing.
   */
  async prefetch(
    fields: Map<string, FieldDefinition>,
    rows: Array<Record<string, unknown>>,
    trx: QueryClientContract,
    skip?: string
  ) {
    for (const field of fields.values()) {
      if (field.type !== 'relation' || !field.relation || field.name === skip) continue
      const target = this.registry.find(field.relation.resource)
      if (!target) continue
      const unknown = new Set<string>()
      for (const row of rows) {
        const id = row[field.name]
        if (id === undefined || id === null) continue
        if (!this.#known.has(`${target.name}:${String(id)}`)) unknown.add(String(id))
      }
      const wanted = [...unknown]
      if (wanted.length === 0 || wanted.length > REMEMBERED_MAX) continue
      const pk = primaryKeyOf(target)
      const columns = [pk, ...(target.archivable ? [ARCHIVED_AT] : [])]
      for (let start = 0; start < wanted.length; start += PREFETCH_CHUNK) {
        const chunk = wanted.slice(start, start + PREFETCH_CHUNK)
        const found = await trx
          .from(target.table)
          .whereIn(pk, chunk as never[])
          .select(columns)
        const states = new Map<string, Target>(
          found.map((row) => [String(row[pk]), row[ARCHIVED_AT] ? 'archived' : 'ok'])
        )
        if (this.#known.size + chunk.length > REMEMBERED_MAX) this.#known.clear()
        for (const id of chunk) {
          this.#known.set(`${target.name}:${id}`, states.get(id) ?? 'missing')
        }
      }
    }
  }

  async #target(resource: string, id: unknown, trx: QueryClientContract): Promise<Target> {
    const target = this.registry.find(resource)
    if (!target) return 'ok'
    const key = `${target.name}:${String(id)}`
    const known = this.#known.get(key)
    if (known !== undefined) return known
    const columns = [primaryKeyOf(target), ...(target.archivable ? [ARCHIVED_AT] : [])]
    const row = await trx
      .from(target.table)
      .where(primaryKeyOf(target), id as never)
      .select(columns)
      .first()
    const state: Target = !row ? 'missing' : row[ARCHIVED_AT] ? 'archived' : 'ok'
    if (this.#known.size >= REMEMBERED_MAX) this.#known.clear()
    this.#known.set(key, state)
    return state
  }
}

import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { fieldInputError } from './errors.ts'
import { primaryKeyOf, type ResourceRegistry } from './resource_registry.ts'
import type { FieldDefinition } from './types.ts'

/** Answers remembered by one ResourceService (a request, or a whole import run). */
const REMEMBERED_MAX = 10_000

/**
 * A written relation must point at an existing record: the foreign key
 * would refuse it anyway, but as a 409 naming no field; this says which
 * field, as a 422, before anything is written (and lets an import's
 * validation pass, which writes nothing, report it). Targets repeat from
 * row to row of an import (a campaign, an agent), hence the memory of
 * answers.
 */
export class RelationTargets {
  #known = new Map<string, boolean>()

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
      if (await this.#exists(field.relation.resource, id, trx)) continue
      throw fieldInputError(
        field.name,
        `No ${field.relation.resource} record ${String(id)}`,
        'exists'
      )
    }
  }

  async #exists(resource: string, id: unknown, trx: QueryClientContract) {
    const target = this.registry.find(resource)
    if (!target) return true
    const key = `${target.name}:${String(id)}`
    const known = this.#known.get(key)
    if (known !== undefined) return known
    const row = await trx
      .from(target.table)
      .where(primaryKeyOf(target), id as never)
      .select(primaryKeyOf(target))
      .first()
    if (this.#known.size >= REMEMBERED_MAX) this.#known.clear()
    this.#known.set(key, Boolean(row))
    return Boolean(row)
  }
}

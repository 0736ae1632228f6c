import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { fieldInputError } from '../errors.ts'
import resources from '#services/resources'
import { primaryKeyOf } from '../resource_registry.ts'
import type { FieldDefinition } from '../types.ts'

/** Answers remembered while one file is validated. */
const REMEMBERED_MAX = 10_000

/**
 * An imported relation must point at an existing record: the database
 * would refuse it at import time, so the validation pass says it first.
 * Targets repeat from row to row (a campaign, an agent), hence the small
 * memory of answers.
 */
export class RelationTargets {
  #known = new Map<string, boolean>()

  async check(
    fields: Map<string, FieldDefinition>,
    body: Record<string, unknown>,
    trx: QueryClientContract
  ) {
    for (const field of fields.values()) {
      const id = body[field.name]
      if (field.type !== 'relation' || !field.relation || id === undefined || id === null) continue
      if (await this.#exists(field.relation.resource, id, trx)) continue
      throw fieldInputError(
        field.name,
        `No ${field.relation.resource} record ${String(id)}`,
        'exists'
      )
    }
  }

  async #exists(resource: string, id: unknown, trx: QueryClientContract) {
    const target = resources.find(resource)
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

import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { KeepingReference } from '#resources/types'
import resources from '#services/resources'

/**
 * The rows that keep a client when its base is deleted: the clients
 * resource's `fromPurge` references (notes in the core; gestiones and
 * callbacks from tipificaciones), of every discovered plugin whether
 * enabled or not (a disabled plugin's rows stay, and so must its clients).
 * A reference whose table is gone (a plugin rolled back) keeps nothing.
 */
export class BaseKeepers {
  private constructor(readonly references: KeepingReference[]) {}

  static async load(client: QueryClientContract) {
    const declared = resources
      .keepingReferencesOf(resources.getOrFail('clients'))
      .filter((reference) => reference.keeps === 'fromPurge')
    const present: KeepingReference[] = []
    for (const reference of declared) {
      if (await client.schema.hasTable(reference.table)) present.push(reference)
    }
    return new BaseKeepers(present)
  }

  /** Narrows a query on `clients` to those some reference keeps. */
  whereKept(query: DatabaseQueryBuilderContract) {
    if (this.references.length === 0) return query.whereRaw('1 = 0')
    return query.where((kept) => {
      for (const reference of this.references) {
        kept.orWhereExists((rows) =>
          rows
            .from(reference.table)
            .whereColumn(`${reference.table}.${reference.column}`, 'clients.id')
        )
      }
    })
  }

  /** Narrows a query on `clients` to those nothing keeps. */
  whereNotKept(query: DatabaseQueryBuilderContract) {
    for (const reference of this.references) {
      query.whereNotExists((rows) =>
        rows
          .from(reference.table)
          .whereColumn(`${reference.table}.${reference.column}`, 'clients.id')
      )
    }
    return query
  }

  /** How many of the base's clients each reference keeps (a client may count under several). */
  async countsFor(client: QueryClientContract, baseId: number) {
    const counts: Array<{ es: string; en: string; count: number }> = []
    for (const reference of this.references) {
      const [row] = await client
        .from('clients')
        .where('clients.base_id', baseId)
        .whereExists((rows) =>
          rows
            .from(reference.table)
            .whereColumn(`${reference.table}.${reference.column}`, 'clients.id')
        )
        .count('* as total')
      counts.push({ ...reference.label, count: Number(row.total) })
    }
    return counts
  }
}

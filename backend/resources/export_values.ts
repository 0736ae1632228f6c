import type { HttpContext } from '@adonisjs/core/http'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { requestLanguage } from '#i18n/request_language'
import { primaryKeyOf, type ResourceRegistry } from './resource_registry.ts'
import type { FieldDefinition, ResourceDefinition } from './types.ts'

/** Names remembered per export before the memory starts again (a campaign repeats on every row). */
const NAMES_KEPT = 20_000
/** Ids asked in one query. */
const IDS_PER_QUERY = 500

const YES_NO = { es: ['Sí', 'No'], en: ['Yes', 'No'] } as const

interface Named {
  field: FieldDefinition
  target: ResourceDefinition
  columns: string[]
}

/**
 * An export's cells as the supervisor reads them (issue 20.10), which the
 * import reads back: an option by its label ("Nuevo"), a boolean as
 * "Sí"/"No", a related record by its name ("Campaña Norte", "María
 * Gómez"), several options or records joined by "|". The names of a batch
 * of rows are loaded together, one query per relation field.
 */
export class ExportValues {
  #named: Named[] = []
  #names = new Map<string, string>()

  constructor(
    registry: ResourceRegistry,
    private fields: FieldDefinition[],
    private language: 'es' | 'en'
  ) {
    for (const field of fields) {
      if (field.type !== 'relation' && field.type !== 'relations') continue
      const target = field.relation ? registry.find(field.relation.resource) : undefined
      if (!target || !field.relation) continue
      const columns = field.relation.labelFields ?? [field.relation.labelField]
      this.#named.push({ field, target, columns })
    }
  }

  /** The header: each field's label in the language, or its name. */
  header(keys: boolean) {
    return this.fields.map((field) => (keys ? field.name : field.label[this.language]))
  }

  /** Loads the names of the records `rows` (presented) point at. */
  async load(rows: Record<string, unknown>[], client: QueryClientContract) {
    if (this.#names.size > NAMES_KEPT) this.#names.clear()
    for (const { field, target, columns } of this.#named) {
      const wanted = new Set<number>()
      for (const row of rows) {
        for (const id of ids(row[field.name])) {
          if (!this.#names.has(`${target.name}:${id}`)) wanted.add(id)
        }
      }
      const list = [...wanted]
      const key = primaryKeyOf(target)
      for (let from = 0; from < list.length; from += IDS_PER_QUERY) {
        const found = await client
          .from(target.table)
          .whereIn(key, list.slice(from, from + IDS_PER_QUERY))
          .select(key, ...columns)
        for (const record of found) {
          const name = columns
            .map((column) => record[column])
            .filter((part) => part !== null && part !== undefined && String(part).trim() !== '')
            .join(' ')
          this.#names.set(`${target.name}:${Number(record[key])}`, name)
        }
      }
    }
  }

  /** The cells of one presented row, in the header's order. */
  cells(row: Record<string, unknown>) {
    return this.fields.map((field) => this.#cell(field, row[field.name]))
  }

  #cell(field: FieldDefinition, value: unknown): unknown {
    if (value === null || value === undefined) return value
    switch (field.type) {
      case 'boolean':
        return YES_NO[this.language][value ? 0 : 1]
      case 'select':
        return this.#option(field, value)
      case 'multiselect':
        return (Array.isArray(value) ? value : [value])
          .map((item) => this.#option(field, item))
          .join('|')
      case 'relation':
      case 'relations': {
        const target = this.#named.find((named) => named.field === field)?.target
        // An id whose record is gone (or a field without a target) stays an id.
        return ids(value)
          .map((id) => (target ? (this.#names.get(`${target.name}:${id}`) ?? id) : id))
          .join('|')
      }
      default:
        return value
    }
  }

  #option(field: FieldDefinition, value: unknown) {
    const option = field.options?.find((candidate) => candidate.value === String(value))
    return option ? option.label[this.language] : value
  }
}

function ids(value: unknown): number[] {
  if (value === null || value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map(Number).filter(Number.isFinite)
}

/**
 * A download's options: its language (`?lang=es|en`, which a download
 * link carries since a link sends the browser's Accept-Language, not the
 * screen's; else the request's language), and field names as headers with
 * `?headers=keys`.
 */
export function exportOptions(ctx: HttpContext) {
  const lang = ctx.request.input('lang')
  return {
    language: lang === 'es' || lang === 'en' ? (lang as 'es' | 'en') : requestLanguage(ctx),
    keys: ctx.request.input('headers') === 'keys',
  }
}

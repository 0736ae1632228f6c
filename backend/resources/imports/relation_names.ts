import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { foldForSearch } from '#services/client_names'
import { ARCHIVED_AT, primaryKeyOf, type ResourceRegistry } from '../resource_registry.ts'
import type { FieldDefinition, ResourceDefinition } from '../types.ts'
import type { ImportColumn } from './import_columns.ts'
import type { RowError } from './import_errors.ts'

/** Names asked in one query (bound parameters stay well under every driver's limit). */
const NAMES_PER_QUERY = 500
const ID = /^\d+$/

interface Lookup {
  field: FieldDefinition
  target: ResourceDefinition
  /** the target's columns a name may be: its label and its unique e-mails */
  columns: string[]
}

/** A row of a batch as RelationNames sees it: the create's body and the errors found so far. */
export interface NamedRow {
  line: number
  body: Record<string, unknown>
  errors: RowError[]
}

/**
 * An import names related records as people know them: a campaign by its
 * name, an agent by e-mail or full name (what our export writes), as
 * well as by id. The names of a batch are resolved together, one query
 * per relation field and batch (never one per row), accents and case
 * ignored; a digits-only cell stays an id. A name nobody has, or that two
 * active records share, is an error on that row and field (the row is
 * refused with it; the other rows go on). An archived record is named only
 * when no active one has the name (and the write then says it is archived).
 */
export class RelationNames {
  #lookups: Lookup[] = []

  constructor(registry: ResourceRegistry, columns: ImportColumn[]) {
    for (const { field } of columns) {
      if (field.type !== 'relation' && field.type !== 'relations') continue
      const target = field.relation ? registry.find(field.relation.resource) : undefined
      // A label made of several fields (a client's full name) is no column to look in.
      if (!target || !field.relation || field.relation.labelFields) continue
      const emails = target.fields
        .filter((other) => other.type === 'email' && other.unique)
        .map((other) => other.name)
      this.#lookups.push({ field, target, columns: [field.relation.labelField, ...emails] })
    }
  }

  get empty() {
    return this.#lookups.length === 0
  }

  /** Replaces the names in `rows`' bodies by ids, or records why a name cannot be. */
  async resolve(rows: NamedRow[], client: QueryClientContract) {
    for (const lookup of this.#lookups) {
      const name = lookup.field.name
      const wanted = new Set<string>()
      for (const row of rows) {
        for (const item of items(row.body[name])) if (!ID.test(item)) wanted.add(item)
      }
      if (wanted.size === 0) continue
      const ids = await this.#ids(lookup, [...wanted], client)
      for (const row of rows) {
        const value = row.body[name]
        if (value === undefined) continue
        const resolved: string[] = []
        for (const item of items(value)) {
          if (ID.test(item)) {
            resolved.push(item)
            continue
          }
          const found = ids.get(foldForSearch(item))
          if (found && found.length === 1) {
            resolved.push(String(found[0]))
          } else {
            row.errors.push(
              nameError(row.line, lookup, item, found ? 'ambiguousName' : 'unknownName')
            )
          }
        }
        row.body[name] = Array.isArray(value) ? resolved : (resolved[0] ?? value)
      }
    }
  }

  /** Folded name → the ids of the records it names (archived ones only when nothing else is). */
  async #ids(lookup: Lookup, names: string[], client: QueryClientContract) {
    const { target, columns } = lookup
    const key = primaryKeyOf(target)
    const found = new Map<string, { id: unknown; archived: boolean }[]>()
    for (let from = 0; from < names.length; from += NAMES_PER_QUERY) {
      const lowered = names.slice(from, from + NAMES_PER_QUERY).map((name) => name.toLowerCase())
      const query = client
        .from(target.table)
        .select(key, ...columns, ...(target.archivable ? [ARCHIVED_AT] : []))
        .where((where) => {
          for (const column of columns) {
            where.orWhereRaw(`lower(??) in (${lowered.map(() => '?').join(', ')})`, [
              column,
              ...lowered,
            ])
          }
        })
      for (const row of await query) {
        const archived = target.archivable ? row[ARCHIVED_AT] !== null : false
        for (const column of columns) {
          if (row[column] === null || row[column] === undefined) continue
          const folded = foldForSearch(String(row[column]))
          const list = found.get(folded) ?? []
          if (!list.some((entry) => entry.id === row[key])) list.push({ id: row[key], archived })
          found.set(folded, list)
        }
      }
    }
    const ids = new Map<string, unknown[]>()
    for (const [name, entries] of found) {
      const active = entries.filter((entry) => !entry.archived)
      ids.set(
        name,
        (active.length > 0 ? active : entries).map((entry) => entry.id)
      )
    }
    return ids
  }
}

function items(value: unknown): string[] {
  if (value === undefined || value === null) return []
  return (Array.isArray(value) ? value : [value]).map((item) => String(item).trim())
}

function nameError(line: number, lookup: Lookup, value: string, rule: string): RowError {
  const resource = lookup.target.name
  const shown = value.slice(0, 80)
  return {
    line,
    field: lookup.field.name,
    message:
      rule === 'unknownName'
        ? `No ${resource} record is named "${shown}": write its name, e-mail or id`
        : `Several ${resource} records are named "${shown}": write its id or e-mail`,
    rule,
    meta: { value: shown, resource },
  }
}

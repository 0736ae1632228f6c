import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { TableroError } from '#exceptions/tablero_error'
import type { ResourceRegistry } from './resource_registry.ts'
import type { ResourceDefinition } from './types.ts'

/**
 * Refuses to delete a record that history points at (a campaign with
 * clients or gestiones): the foreign keys would silently unlink the
 * clients and take the gestiones with it. The 409 says how many rows of
 * each kind, and to archive the record when the resource can.
 */
export class RecordKeepers {
  constructor(private registry: ResourceRegistry) {}

  async refuseIfKept(definition: ResourceDefinition, id: unknown, trx: QueryClientContract) {
    const counts: Array<{ count: number; es: string; en: string }> = []
    for (const reference of this.registry.keepingReferencesOf(definition)) {
      if (reference.keeps === 'fromPurge') continue
      // A plugin rolled back (folder kept) has no table left to keep anything.
      if (!(await trx.schema.hasTable(reference.table))) continue
      const [row] = await trx
        .from(reference.table)
        .where(reference.column, id as never)
        .count('* as total')
      const count = Number(row.total)
      if (count > 0) counts.push({ count, ...reference.label })
    }
    if (counts.length === 0) return
    const list = (language: 'es' | 'en') =>
      joinWords(
        counts.map((entry) => `${entry.count} ${entry[language]}`),
        language === 'es' ? 'y' : 'and'
      )
    const english = definition.archivable
      ? `It cannot be deleted: it has ${list('en')}. Archive it instead: it leaves the pickers, stays in reports and can be restored`
      : `It cannot be deleted: it has ${list('en')}`
    throw new TableroError('RECORD_IN_USE', english, 409, undefined, {
      list: list('es'),
      i18n: definition.archivable ? 'RECORD_IN_USE_ARCHIVE' : 'RECORD_IN_USE',
    })
  }
}

function joinWords(words: string[], and: string) {
  return words.length < 2
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1)}`
}

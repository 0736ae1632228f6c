import db from '@adonisjs/lucid/services/db'
import { TableroError } from '#sdk'
import { STORAGE, type CustomFieldType } from './field_types.ts'

/*
 * Every field is a column of clients, and an indexed one adds an index
 * too, so MySQL/MariaDB's per-table limits bound how many fields can exist:
 *
 * - 64 secondary indexes. The core gives clients 11; 40 indexed fields
 *   bring it to 51, leaving 13 for the core to grow.
 * - 65,535 bytes per row, counting each column at its largest. The core's
 *   columns take about 3,000 bytes; a VARCHAR(255) field takes 1,022
 *   (utf8mb4), TEXT about 12, the others 1 to 9. 50 fields, all VARCHAR in
 *   the worst case, plus the spare column a type change fills before the
 *   swap, come to about 55,200 bytes: about 10,000 left for the core.
 *
 * Retired fields keep their column (and index), so they count. SQLite has
 * no such limits but gets the same cap, so a base moves between both.
 * The custom-fields tests fill clients up to the cap on MariaDB.
 */
export const MAX_FIELDS = 50
export const MAX_INDEXED_FIELDS = 40

/**
 * Checks, before any DDL, that a field can still get its column and index,
 * and answers 422 with how many remain when it cannot.
 */
export class FieldBudget {
  static async used() {
    const rows = await db.from('cf_fields').select('type')
    const indexed = rows.filter((row) => STORAGE[row.type as CustomFieldType]?.indexed).length
    return { fields: rows.length, indexed }
  }

  /** A new field of this type. */
  static async checkNew(type: CustomFieldType) {
    const used = await this.used()
    const remaining = MAX_FIELDS - used.fields
    if (remaining <= 0) {
      throw new TableroError(
        'FIELD_LIMIT',
        `No custom fields remain: clients hold at most ${MAX_FIELDS}, retired ones included because they keep their column; restore a retired field and reuse it instead`,
        422,
        [
          {
            field: 'key',
            message: `No fields remain (${MAX_FIELDS} at most)`,
            rule: 'fieldLimit',
            meta: { max: MAX_FIELDS },
          },
        ],
        { max: MAX_FIELDS }
      )
    }
    if (STORAGE[type].indexed) this.#checkIndexed(used.indexed, remaining)
  }

  /** A type change that moves a field from an unindexed to an indexed type needs an index. */
  static async checkTypeChange(from: CustomFieldType, to: CustomFieldType) {
    if (STORAGE[from].indexed || !STORAGE[to].indexed) return
    const used = await this.used()
    this.#checkIndexed(used.indexed, 0)
  }

  static #checkIndexed(indexed: number, unindexedRemaining: number) {
    if (indexed < MAX_INDEXED_FIELDS) return
    const left =
      unindexedRemaining > 0
        ? `${unindexedRemaining} field(s) remain as Long text or List (several options), which need no index`
        : 'keep it Long text or List (several options), which need no index'
    throw new TableroError(
      'INDEXED_FIELD_LIMIT',
      `No indexed custom fields remain (${MAX_INDEXED_FIELDS} at most, retired ones included): ${left}`,
      422,
      [
        {
          field: 'type',
          message: `No indexed fields remain (${MAX_INDEXED_FIELDS} at most)`,
          rule: 'indexedFieldLimit',
          meta: { max: MAX_INDEXED_FIELDS, remaining: unindexedRemaining },
        },
      ],
      { max: MAX_INDEXED_FIELDS, remaining: unindexedRemaining }
    )
  }
}

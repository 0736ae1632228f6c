import db from '@adonisjs/lucid/services/db'
import { type FieldDefinition, coerceValue, presentValue } from '#sdk'
import { STORAGE, sameStorage, type CustomFieldType } from './field_types.ts'

const TABLE = 'clients'
const BATCH = 5000

const indexName = (key: string) => `clients_cf_${key}_idx`

/**
 * DDL for custom field columns on clients. DDL is not transactional on
 * MySQL, so every operation either finishes or undoes what it did; all
 * statements name identifiers through bindings, never by concatenation.
 */
export class ColumnManager {
  static async columns(): Promise<Set<string>> {
    const connection = db.connection()
    if (connection.dialect.name === 'mysql') {
      const [rows] = await connection.rawQuery(
        'SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
        [TABLE]
      )
      return new Set((rows as Array<{ name: string }>).map((row) => row.name))
    }
    const rows = await connection.rawQuery(`SELECT name FROM pragma_table_info('${TABLE}')`)
    return new Set((rows as Array<{ name: string }>).map((row) => row.name))
  }

  static async add(key: string, type: CustomFieldType) {
    await db.rawQuery(`ALTER TABLE ?? ADD COLUMN ?? ${STORAGE[type].sql} NULL`, [TABLE, key])
    if (!STORAGE[type].indexed) return
    try {
      await db.rawQuery('CREATE INDEX ?? ON ?? (??, ??)', [indexName(key), TABLE, key, 'id'])
    } catch (error) {
      await this.drop(key, type)
      throw error
    }
  }

  static async drop(key: string, type: CustomFieldType) {
    if (STORAGE[type].indexed) await this.#dropIndex(key).catch(() => {})
    await db.rawQuery('ALTER TABLE ?? DROP COLUMN ??', [TABLE, key])
  }

  static async #dropIndex(key: string) {
    if (db.connection().dialect.name === 'mysql') {
      await db.rawQuery('DROP INDEX ?? ON ??', [indexName(key), TABLE])
    } else {
      await db.rawQuery('DROP INDEX IF EXISTS ??', [indexName(key)])
    }
  }

  /**
   * Rows whose value would not survive the new type, counted over the whole
   * table in id order (constant memory), with a few examples.
   */
  static async unconvertible(from: FieldDefinition, to: FieldDefinition) {
    let count = 0
    const examples: Array<{ id: number; value: unknown }> = []
    await this.#scan(from.name, async (rows) => {
      for (const row of rows) {
        if (convert(from, to, row.value) === FAILED) {
          count += 1
          if (examples.length < 5)
            examples.push({ id: row.id, value: presentValue(from, row.value) })
        }
      }
    })
    return { count, examples }
  }

  /**
   * Changes the stored type. Same storage: values are rewritten in place
   * where their form changes. Other storage: a new column is filled in
   * batches, then swapped for the old one.
   */
  static async convert(
    from: FieldDefinition & { type: CustomFieldType },
    to: FieldDefinition & { type: CustomFieldType }
  ) {
    if (sameStorage(from.type, to.type)) {
      await this.#rewrite(from, to, from.name)
      return
    }
    const temporary = `${from.name}__new`
    await db.rawQuery(`ALTER TABLE ?? ADD COLUMN ?? ${STORAGE[to.type].sql} NULL`, [
      TABLE,
      temporary,
    ])
    try {
      await this.#rewrite(from, to, temporary)
      if (STORAGE[from.type].indexed) await this.#dropIndex(from.name)
      await db.rawQuery('ALTER TABLE ?? DROP COLUMN ??', [TABLE, from.name])
    } catch (error) {
      await db.rawQuery('ALTER TABLE ?? DROP COLUMN ??', [TABLE, temporary]).catch(() => {})
      throw error
    }
    await db.rawQuery('ALTER TABLE ?? RENAME COLUMN ?? TO ??', [TABLE, temporary, from.name])
    if (STORAGE[to.type].indexed) {
      await db.rawQuery('CREATE INDEX ?? ON ?? (??, ??)', [
        indexName(from.name),
        TABLE,
        from.name,
        'id',
      ])
    }
  }

  static async #rewrite(from: FieldDefinition, to: FieldDefinition, target: string) {
    await this.#scan(from.name, async (rows) => {
      await db.transaction(async (trx) => {
        for (const row of rows) {
          const value = convert(from, to, row.value)
          if (value === FAILED) throw new Error(`Value of client #${row.id} does not convert`)
          if (target === from.name && value === row.value) continue
          await trx
            .from(TABLE)
            .where('id', row.id)
            .update({ [target]: value })
        }
      })
    })
  }

  static async #scan(
    column: string,
    visit: (rows: Array<{ id: number; value: unknown }>) => Promise<void>
  ) {
    let lastId = 0
    for (;;) {
      const rows = await db
        .from(TABLE)
        .whereNotNull(column)
        .where('id', '>', lastId)
        .orderBy('id')
        .limit(BATCH)
        .select('id', `${column} as value`)
      if (rows.length === 0) return
      await visit(rows as Array<{ id: number; value: unknown }>)
      lastId = rows[rows.length - 1].id
    }
  }
}

const FAILED = Symbol('unconvertible')
const TEXT_TARGETS = new Set(['text', 'textarea', 'email', 'phone', 'url', 'select'])

function convert(from: FieldDefinition, to: FieldDefinition, raw: unknown): unknown {
  const presented = presentValue(from, raw)
  let input: unknown = presented
  if (TEXT_TARGETS.has(to.type) && typeof presented !== 'string') {
    input = Array.isArray(presented) ? presented.join(', ') : String(presented)
  }
  try {
    return coerceValue(to, input, to.name)
  } catch {
    return FAILED
  }
}

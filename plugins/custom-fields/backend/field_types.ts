import type { FieldType } from '#sdk'
import type { CustomFieldType } from '../shared/field_rules.ts'

export { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../shared/field_rules.ts'

/**
 * How each type is stored in its clients column. Types with the same
 * storage convert by checking values only; others need a column swap.
 */
export const STORAGE: Record<CustomFieldType, { sql: string; indexed: boolean }> = {
  text: { sql: 'VARCHAR(255)', indexed: true },
  email: { sql: 'VARCHAR(255)', indexed: true },
  phone: { sql: 'VARCHAR(255)', indexed: true },
  url: { sql: 'VARCHAR(255)', indexed: true },
  select: { sql: 'VARCHAR(255)', indexed: true },
  multiselect: { sql: 'VARCHAR(255)', indexed: false },
  textarea: { sql: 'TEXT', indexed: false },
  number: { sql: 'BIGINT', indexed: true },
  decimal: { sql: 'DECIMAL(18,4)', indexed: true },
  date: { sql: 'DATE', indexed: true },
  datetime: { sql: 'DATETIME', indexed: true },
  boolean: { sql: 'BOOLEAN', indexed: true },
}

export function engineType(type: CustomFieldType): FieldType {
  return type
}

export function sameStorage(a: CustomFieldType, b: CustomFieldType) {
  return STORAGE[a].sql === STORAGE[b].sql
}

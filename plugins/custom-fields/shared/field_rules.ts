/**
 * What the plugin's backend enforces and its admin checks before sending,
 * in one place (plain TypeScript, no imports: both sides load it).
 */

/** The types a supervisor can pick (P2). */
export const CUSTOM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'decimal',
  'date',
  'datetime',
  'boolean',
  'select',
  'multiselect',
  'email',
  'phone',
  'url',
] as const
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number]

/**
 * A field key is also a clients column name: a safe identifier (the
 * backend also refuses built-in columns, SQL keywords and used keys).
 */
export const FIELD_KEY = /^[a-z][a-z0-9_]{1,39}$/

/** The longest text a field of this type keeps (its column: VARCHAR(255), or TEXT for a textarea). */
export function maxLengthOf(type: CustomFieldType) {
  return type === 'textarea' ? 10_000 : 255
}

/** Option values are stored inside ",a,b," for multiselects: no commas. */
export const OPTION_VALUE = /^[\w.-]{1,60}$/

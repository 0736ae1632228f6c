import type { FieldDefinition, FieldType } from './types.ts'
import { fieldInputError } from './errors.ts'

/**
 * The one definition of what a text-like value of each field type may be:
 * its default length limit and its shape. Every write checks it through
 * here, whether the value came in a JSON body or a CSV cell (both are
 * validated by validatePayload, which ends in coerceValue), and so do
 * filters and default values: the same limit, rule and message key
 * everywhere.
 */
const DEFAULT_MAX_LENGTH: Partial<Record<FieldType, number>> = {
  text: 255,
  textarea: 10_000,
  email: 254,
  url: 2000,
  phone: 24,
  select: 255,
  password: 200,
}

/** Shapes of the text types that have one; the rule key is the type's name. */
const FORMATS: Partial<Record<FieldType, RegExp>> = {
  email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
  url: /^https?:\/\/[^\s]+$/i,
  // What a person types: a full check (libphonenumber) is the resource's (clients' hook).
  phone: /^\+?[\d\s().-]{6,24}$/,
}

/** A field's length limit: its own `maxLength`, or its type's. */
export function maxLengthOf(field: FieldDefinition) {
  return field.maxLength ?? DEFAULT_MAX_LENGTH[field.type] ?? DEFAULT_MAX_LENGTH.text!
}

/**
 * Checks a text value against its field's limit and shape: a 422 on `path`
 * with rule `maxLength` (meta `max`) or the type's name (`phone`, `email`,
 * `url`).
 */
export function checkText(field: FieldDefinition, text: string, path: string) {
  const max = maxLengthOf(field)
  if (text.length > max) {
    throw fieldInputError(path, `At most ${max} characters`, 'maxLength', { max })
  }
  const format = FORMATS[field.type]
  if (format && !format.test(text)) {
    throw fieldInputError(path, `"${text.slice(0, 40)}" is not a valid ${field.type}`, field.type)
  }
}

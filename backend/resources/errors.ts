import { TableroError } from '#exceptions/tablero_error'

/**
 * A 422 naming the offending input path, e.g. `sort[0]` or `filter.and[2].op`;
 * `meta` carries the numbers the translated message needs (a limit…).
 */
export function fieldInputError(
  field: string,
  message: string,
  rule = 'invalid',
  meta?: Record<string, unknown>
) {
  return new TableroError('INVALID_INPUT', `${field}: ${message}`, 422, [
    { field, message, rule, ...(meta ? { meta } : {}) },
  ])
}

export function notFound(resource: string) {
  return new TableroError('NOT_FOUND', `No such record in ${resource}`, 404)
}

/**
 * A resource whose create needs work outside its transaction (a `prepare`
 * hook) is created one record at a time, never by a CSV import.
 */
export function importNotSupported(resource: string) {
  return new TableroError(
    'IMPORT_NOT_SUPPORTED',
    `"${resource}" records cannot be imported from CSV: create them one at a time`,
    409
  )
}

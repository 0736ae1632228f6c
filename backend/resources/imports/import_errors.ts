import { TableroError } from '#exceptions/tablero_error'
import { SPANISH_ERRORS, SPANISH_RULES } from '#i18n/error_messages'

type Params = Record<string, string | number | undefined>

/**
 * One problem of one row, kept in English with the rule or code that
 * translates it, so each reader gets it in their language.
 */
export interface RowError {
  line: number
  field: string | null
  message: string
  rule?: string
  meta?: Record<string, unknown>
  code?: string
  params?: Params
}

/** Database refusals a single row can cause: the row fails, the import goes on. */
const ROW_REFUSALS: Record<string, { code: string; message: string }> = {
  ER_DUP_ENTRY: { code: 'DUPLICATE', message: 'A record with the same unique value exists' },
  SQLITE_CONSTRAINT_UNIQUE: {
    code: 'DUPLICATE',
    message: 'A record with the same unique value exists',
  },
  SQLITE_CONSTRAINT_PRIMARYKEY: {
    code: 'DUPLICATE',
    message: 'A record with the same unique value exists',
  },
  ER_NO_REFERENCED_ROW_2: {
    code: 'REFERENCE_CONFLICT',
    message: 'A value points to a record that does not exist',
  },
  SQLITE_CONSTRAINT_FOREIGNKEY: {
    code: 'REFERENCE_CONFLICT',
    message: 'A value points to a record that does not exist',
  },
  ER_DATA_TOO_LONG: { code: 'ROW_REFUSED', message: 'A value is too long for its column' },
  ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: {
    code: 'ROW_REFUSED',
    message: 'The database refused a value of this row',
  },
  ER_WARN_DATA_OUT_OF_RANGE: { code: 'ROW_REFUSED', message: 'A number is out of range' },
  ER_BAD_NULL_ERROR: { code: 'ROW_REFUSED', message: 'A required value is missing' },
  SQLITE_CONSTRAINT_NOTNULL: { code: 'ROW_REFUSED', message: 'A required value is missing' },
  SQLITE_CONSTRAINT_CHECK: {
    code: 'ROW_REFUSED',
    message: 'The database refused a value of this row',
  },
}

/**
 * What a failed create of the row on `line` tells its author: validation
 * messages per field, a rule's refusal (a duplicate client), a database
 * constraint. Null for anything else: an unexpected failure stops the
 * import instead of being blamed on the row.
 */
export function rowErrorsOf(error: unknown, line: number): RowError[] | null {
  const err = error as { code?: string; messages?: unknown }
  if (err?.code === 'E_VALIDATION_ERROR' && Array.isArray(err.messages)) {
    return (
      err.messages as Array<{ field: string; message: string; rule?: string; meta?: any }>
    ).map(({ field, message, rule, meta }) => ({ line, field, message, rule, meta }))
  }
  if (error instanceof TableroError && error.status < 500) {
    if (error.fields?.length) {
      return error.fields.map(({ field, message, rule, meta }) => ({
        line,
        field,
        message,
        rule,
        meta,
      }))
    }
    return [{ line, field: null, message: error.message, code: error.code, params: error.params }]
  }
  const refusal = err?.code ? ROW_REFUSALS[err.code] : undefined
  if (refusal) return [{ line, field: null, ...refusal }]
  return null
}

/**
 * The message in the reader's language, as the exception handler words a
 * field error or an error code.
 */
export function localizedMessage(error: RowError, language: 'es' | 'en') {
  if (language !== 'es') return error.message
  if (error.rule) {
    const spanish = SPANISH_RULES[error.rule]?.(error.meta ?? {})
    if (spanish) return spanish
  }
  if (error.code) {
    const params = error.params ?? {}
    const key = typeof params.i18n === 'string' ? params.i18n : error.code
    const spanish = SPANISH_ERRORS[key]?.(params)
    if (spanish) return spanish
  }
  return error.message
}

import { TableroError } from './tablero_error.ts'
import { SPANISH_ERRORS, SPANISH_RULES } from '#i18n/error_messages'
import { unavailableError } from './unavailable.ts'

export interface FieldError {
  field: string
  message: string
  rule?: string
  meta?: Record<string, unknown>
}

export interface ApiError {
  status: number
  code: string
  message: string
  fields?: FieldError[]
  params?: Record<string, string | number | undefined>
}

/**
 * Framework error codes mapped to the API's stable codes and messages.
 */
const KNOWN: Record<string, Omit<ApiError, 'fields'>> = {
  E_UNAUTHORIZED_ACCESS: { status: 401, code: 'UNAUTHENTICATED', message: 'Sign in to continue' },
  E_INVALID_CREDENTIALS: {
    status: 401,
    code: 'INVALID_CREDENTIALS',
    message: 'Wrong email or password',
  },
  E_AUTHORIZATION_FAILURE: {
    status: 403,
    code: 'FORBIDDEN',
    message: 'You do not have permission to do this',
  },
  E_BAD_CSRF_TOKEN: {
    status: 403,
    code: 'CSRF_TOKEN_INVALID',
    message: 'The form expired: reload the page and try again',
  },
  E_ROUTE_NOT_FOUND: { status: 404, code: 'NOT_FOUND', message: 'No such endpoint' },
  E_ROW_NOT_FOUND: { status: 404, code: 'NOT_FOUND', message: 'Record not found' },
  E_TOO_MANY_REQUESTS: {
    status: 429,
    code: 'TOO_MANY_ATTEMPTS',
    message: 'Too many attempts: wait a minute and try again',
  },
  E_REQUEST_ENTITY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is too large',
  },
}

const VALUE_REFUSALS = new Set([
  'ER_DATA_TOO_LONG',
  'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD',
  'ER_WARN_DATA_OUT_OF_RANGE',
  'ER_BAD_NULL_ERROR',
  'SQLITE_CONSTRAINT_NOTNULL',
  'SQLITE_CONSTRAINT_CHECK',
])

/**
 * Any error as the API states it: status, stable code, English message,
 * field errors. What is not known is a 500 without internals. Used by the
 * exception handler and by anything that reports errors later (an
 * import's rows).
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof TableroError) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      params: error.params,
      ...(error.fields ? { fields: error.fields } : {}),
    }
  }
  const err = error as { code?: string; status?: number; messages?: unknown; message?: string }
  if (err?.code === 'E_VALIDATION_ERROR') {
    const fields = (Array.isArray(err.messages) ? err.messages : []) as FieldError[]
    return {
      status: 422,
      code: 'VALIDATION_FAILED',
      message: fields[0] ? `${fields[0].field}: ${fields[0].message}` : 'Invalid input',
      fields: fields.map(({ field, message, rule, meta }) => ({ field, message, rule, meta })),
    }
  }
  if (err?.code && KNOWN[err.code]) return { ...KNOWN[err.code] }
  // Constraints are the last line of defence behind validation: a race
  // between two writers must still answer a clear 409, never a 500.
  if (err?.code === 'ER_DUP_ENTRY' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE') {
    return {
      status: 409,
      code: 'DUPLICATE',
      message: 'A record with the same unique value exists',
    }
  }
  if (
    err?.code === 'ER_NO_REFERENCED_ROW_2' ||
    err?.code === 'ER_ROW_IS_REFERENCED_2' ||
    err?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
  ) {
    return {
      status: 409,
      code: 'REFERENCE_CONFLICT',
      message: 'This change would break a link to another record',
    }
  }
  // A value the database itself refused (too long, out of range, missing):
  // the input was wrong, not the server.
  if (err?.code && VALUE_REFUSALS.has(err.code)) {
    return {
      status: 422,
      code: 'ROW_REFUSED',
      message: 'The database refused a value (too long, out of range or missing)',
    }
  }
  const unavailable = unavailableError(error)
  if (unavailable) return unavailable
  const status = typeof err?.status === 'number' ? err.status : 500
  if (status === 413) return { ...KNOWN.E_REQUEST_ENTITY_TOO_LARGE }
  if (status >= 400 && status < 500) {
    return { status, code: err.code ?? 'BAD_REQUEST', message: err.message ?? 'Bad request' }
  }
  return { status: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' }
}

/** The Spanish words for a field rule, when the catalogue has them. */
export function spanishRuleMessage(rule: string | undefined, meta: Record<string, unknown> = {}) {
  return rule ? SPANISH_RULES[rule]?.(meta) : undefined
}

/** The Spanish words for an error code (or its `params.i18n` key), when the catalogue has them. */
export function spanishCodeMessage(
  code: string | undefined,
  params: Record<string, string | number | undefined> = {}
) {
  const key = typeof params.i18n === 'string' ? params.i18n : code
  return key ? SPANISH_ERRORS[key]?.(params) : undefined
}

/**
 * Spanish wording for codes and field rules the catalog knows; anything
 * else keeps its English text.
 */
export function toSpanish(error: ApiError): ApiError {
  const message = spanishCodeMessage(error.code, error.params) ?? error.message
  const fields = error.fields?.map((field) => ({
    ...field,
    message: spanishRuleMessage(field.rule, field.meta) || field.message,
  }))
  const first = fields?.[0]
  const detailed =
    (error.code === 'VALIDATION_FAILED' || error.code === 'INVALID_INPUT') && first
      ? `${first.field}: ${first.message}`
      : message
  return { ...error, message: detailed, ...(fields ? { fields } : {}) }
}

import { spanishCodeMessage, spanishRuleMessage, toApiError } from '#exceptions/api_error'

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

/**
 * What a failed create of the row on `line` tells its author, as the API
 * would state it (toApiError): validation messages per field, a rule's
 * refusal (a duplicate client), a value or constraint the database
 * refused. Null for a server-side failure (5xx): it stops the import
 * instead of being blamed on the row.
 */
export function rowErrorsOf(error: unknown, line: number): RowError[] | null {
  const refusal = toApiError(error)
  if (refusal.status >= 500) return null
  if (refusal.fields?.length) {
    return refusal.fields.map(({ field, message, rule, meta }) => ({
      line,
      field,
      message,
      rule,
      meta,
    }))
  }
  const { code, message, params } = refusal
  return [{ line, field: null, message, code, ...(params ? { params } : {}) }]
}

/**
 * The message in the reader's language, as the exception handler words a
 * field error or an error code.
 */
export function localizedMessage(error: RowError, language: 'es' | 'en') {
  if (language !== 'es') return error.message
  return (
    spanishRuleMessage(error.rule, error.meta) ??
    spanishCodeMessage(error.code, error.params) ??
    error.message
  )
}

/**
 * An error a user can act on: a stable machine code, a message that says
 * what to do, and the HTTP status it answers with. The exception handler
 * renders it as `{ error: { code, message, fields? } }`.
 */
export class TableroError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly fields?: Array<{
      field: string
      message: string
      rule?: string
      meta?: Record<string, unknown>
    }>,
    /** values for the translated message; `i18n` picks another catalog key */
    readonly params: Record<string, string | number | undefined> = {}
  ) {
    super(message)
    this.name = 'TableroError'
  }
}

import { stdSerializers } from '@adonisjs/logger'

/**
 * No log line carries the values of a failed SQL statement: they can be a
 * password hash, a token hash, a client's personal data. Database errors
 * bring them in the statement knex puts in front of the message (with
 * values inlined unless `compileSqlOnError` is off), in mysql2's `sql`
 * and its "Duplicate entry '…'" message, and in `bindings`/`parameters`.
 * The logger config applies this to every logged error and message, so
 * no caller has to remember it.
 */
const VALUE_PROPERTIES = ['sql', 'bindings', 'parameters', 'values'] as const
const DRIVER_CODE = /^(ER_|SQLITE_)/
/** A quoted SQL literal ('…', with '' or \' escapes), or a number. */
const LITERAL = /'(?:[^'\\]|\\.|'')*'|\b\d+(?:\.\d+)?\b/g
/** What a quoted name follows: those stay readable (a key, a column). */
const NAMES_BEFORE = /(key|column|table|index|constraint)\s*$/i

type ErrorLike = Record<string, unknown> & { message?: unknown; stack?: unknown; code?: unknown }

export function isDatabaseError(error: unknown): error is ErrorLike {
  if (!error || typeof error !== 'object') return false
  const candidate = error as ErrorLike
  return (
    (typeof candidate.code === 'string' && DRIVER_CODE.test(candidate.code)) ||
    VALUE_PROPERTIES.some((key) => key in candidate) ||
    'sqlMessage' in candidate
  )
}

/** The text with every SQL literal replaced by `?`, names kept. */
export function redactSqlValues(text: string) {
  return text.replace(LITERAL, (literal, offset: number) =>
    literal.startsWith("'") && NAMES_BEFORE.test(text.slice(Math.max(0, offset - 12), offset))
      ? literal
      : '?'
  )
}

/** pino's error serializer, minus the values of a failed statement. */
export function serializeError(error: unknown) {
  const serialized = stdSerializers.err(error as Error) as unknown as ErrorLike
  if (!isDatabaseError(error)) return serialized
  for (const key of [...VALUE_PROPERTIES, 'sqlMessage']) delete serialized[key]
  if (typeof serialized.message === 'string')
    serialized.message = redactSqlValues(serialized.message)
  if (typeof serialized.stack === 'string') serialized.stack = redactStack(serialized.stack)
  return serialized
}

/** The message at the head of a stack, redacted; the frames kept as they are. */
function redactStack(stack: string) {
  const frames = stack.search(/\n\s+at /)
  if (frames < 0) return redactSqlValues(stack)
  return redactSqlValues(stack.slice(0, frames)) + stack.slice(frames)
}

/**
 * pino's logMethod hook: a line logged with a database error (`{ err }`)
 * gets its message redacted too, since callers often pass `err.message`
 * (the exception handler does).
 */
export function redactLogCall(this: unknown, args: unknown[], write: (...args: unknown[]) => void) {
  const [merging, message] = args
  const err = merging && typeof merging === 'object' ? (merging as { err?: unknown }).err : null
  if (isDatabaseError(err) && typeof message === 'string') {
    args = [merging, redactSqlValues(message), ...args.slice(2)]
  }
  return write.apply(this, args)
}

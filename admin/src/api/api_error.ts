import type { ValidationErrors } from '@refinedev/core'

/** The backend's error envelope: `{ error: { code, message, fields? } }`. */
interface ApiErrorBody {
  error?: { code?: string; message?: string; fields?: unknown }
}

/**
 * A failed API call, shaped like Refine's `HttpError` (`message`, `statusCode`, `errors`) so Refine
 * hooks and forms understand it, and carrying the backend's stable `code` so screens can branch on
 * PLUGIN_DEPENDENCY or INVALID_CREDENTIALS without parsing human text.
 */
export class ApiError extends Error {
  readonly statusCode: number
  readonly code: string
  readonly errors?: ValidationErrors

  constructor(statusCode: number, code: string, message: string, errors?: ValidationErrors) {
    super(message)
    this.name = 'ApiError'
    this.statusCode = statusCode
    this.code = code
    this.errors = errors
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const body = await readErrorBody(response)
    const error = body?.error
    const errors = toValidationErrors(error?.fields)
    return new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      // A 422's own message names fields by key; other refusals (a 409 with its counts) keep theirs.
      (response.status === 422 ? fieldsText(errors) : '') ||
        error?.message ||
        response.statusText ||
        `HTTP ${response.status}`,
      errors
    )
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}

async function readErrorBody(response: Response): Promise<ApiErrorBody | null> {
  try {
    return (await response.json()) as ApiErrorBody
  } catch {
    // Proxies and crashed servers answer HTML or nothing; the status code still tells the story.
    return null
  }
}

/**
 * A refusal of fields in the user's words: its fields' messages. The API's own message for it
 * ("phone: Teléfono no válido") names the field by its key, which no user should read; every
 * screen, banner and notification shows an ApiError's message, so this is where the key goes.
 */
function fieldsText(errors: ValidationErrors | undefined) {
  if (!errors) return ''
  return Object.values(errors)
    .flatMap((messages) => (Array.isArray(messages) ? messages : [messages]))
    .map((message) =>
      typeof message === 'object' && message !== null && 'message' in message
        ? String((message as { message: unknown }).message)
        : String(message)
    )
    .filter(Boolean)
    .join(' · ')
}

/** Accepts VineJS's `[{ field, message }]` list as well as a ready `{ field: message }` map. */
function toValidationErrors(fields: unknown): ValidationErrors | undefined {
  if (Array.isArray(fields)) {
    const errors: Record<string, string[]> = {}
    for (const item of fields as { field?: unknown; message?: unknown }[]) {
      if (typeof item?.field !== 'string') continue
      errors[item.field] = [...(errors[item.field] ?? []), String(item.message ?? '')]
    }
    return errors
  }
  if (fields && typeof fields === 'object') return fields as ValidationErrors
  return undefined
}

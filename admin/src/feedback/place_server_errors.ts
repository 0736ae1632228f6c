import type { FormInstance } from 'antd'
import { isApiError } from '../api/api_error'
import { errorMessage } from './error_message'

type NamePath = (string | number)[]

export interface PlaceServerErrorsOptions {
  /**
   * The words for a refusal shown as a whole (a banner, a notification). Default: the error's
   * own message. Plugins pass their catalogue's wording for their own error codes.
   */
  describe?: (error: unknown) => string
  /** Refusal codes that belong to one input, e.g. `{ NOT_IN_CAMPAIGN: 'campaignId' }`. */
  codeFields?: Record<string, string>
}

/** `options[1].value` (resource engine) and `options.1.value` (VineJS) → ['options', 1, 'value']. */
function toNamePath(path: string): NamePath {
  return path
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

function startsWith(path: NamePath, prefix: NamePath) {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i])
}

function messageText(message: unknown): string {
  if (typeof message === 'object' && message !== null && 'message' in message) {
    return String((message as { message: unknown }).message)
  }
  return String(message)
}

function textsOf(messages: unknown) {
  return (Array.isArray(messages) ? messages : [messages]).map(messageText)
}

/** Every field message of a refusal, in order (none when it has no field errors). */
export function fieldMessages(error: unknown): string[] {
  if (!isApiError(error) || !error.errors) return []
  return Object.values(error.errors).flatMap(textsOf)
}

/**
 * Puts a refused save's messages where the user looks, and answers the text for a banner above
 * the form (null when every message found its input):
 * - a refusal whose code belongs to one input (`codeFields`) goes under that input;
 * - each message of a 422 goes under the deepest input the form shows whose name starts its
 *   path (`defaultValue[0]` lands on the default value);
 * - what no input shows, and any other refusal (a 409 says more as a whole: its count, an
 *   example), is the banner's text.
 */
export function placeServerErrors(
  form: FormInstance,
  error: unknown,
  options: PlaceServerErrorsOptions = {}
): string | null {
  const describe = options.describe ?? errorMessage
  if (!isApiError(error)) return describe(error)
  const shown = form.getFieldsError().map((field) => field.name as NamePath)
  const codeField = options.codeFields?.[error.code]
  if (codeField && shown.some((name) => name.length === 1 && name[0] === codeField)) {
    form.setFields([{ name: codeField, errors: [describe(error)] }])
    return null
  }
  if (error.statusCode !== 422 || !error.errors) return describe(error)

  const placed = new Map<string, { name: NamePath; errors: string[] }>()
  const leftOver: string[] = []
  for (const [path, messages] of Object.entries(error.errors)) {
    const texts = textsOf(messages)
    const target = shown
      .filter((name) => startsWith(toNamePath(path), name))
      .sort((a, b) => b.length - a.length)[0]
    if (!target) {
      leftOver.push(...texts)
      continue
    }
    const id = JSON.stringify(target)
    const entry = placed.get(id) ?? { name: target, errors: [] }
    entry.errors.push(...texts)
    placed.set(id, entry)
  }
  form.setFields([...placed.values()])
  if (placed.size === 0) return describe(error)
  return leftOver.length > 0 ? leftOver.join(' · ') : null
}

import { isApiError } from '@tablero/admin'
import type { FormInstance } from 'antd'

type NamePath = (string | number)[]

/** `options[1].value` (resource engine) and `options.1.value` (VineJS) → ['options', 1, 'value']. */
export function toNamePath(path: string): NamePath {
  return path
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

function samePrefix(prefix: NamePath, path: NamePath) {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i])
}

function messageText(message: unknown): string {
  if (typeof message === 'object' && message !== null && 'message' in message) {
    return String((message as { message: unknown }).message)
  }
  return String(message)
}

/**
 * Puts a failed save's messages where the supervisor looks: a 422's messages under the inputs
 * they name (the deepest input the form shows: `defaultValue[0]` lands on the default value),
 * and returns the text for a banner above the form: any message no input shows, or the
 * backend's whole message for other refusals (409, 403, network). Null when nothing is left.
 */
export function showSaveFailure(form: FormInstance, error: unknown): string | null {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error)
  if (error.statusCode !== 422 || !error.errors) return error.message

  const shown = form.getFieldsError().map((field) => field.name as NamePath)
  const placed = new Map<string, { name: NamePath; errors: string[] }>()
  const leftOver: string[] = []
  for (const [path, messages] of Object.entries(error.errors)) {
    const texts = (Array.isArray(messages) ? messages : [messages]).map(messageText)
    const target = shown
      .filter((name) => samePrefix(name, toNamePath(path)))
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
  if (placed.size === 0) return error.message
  return leftOver.length > 0 ? leftOver.join(' · ') : null
}

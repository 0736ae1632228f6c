import { isApiError } from '@tablero/admin'
import { MESSAGES, type MessageKey } from './messages'
import type { Translate } from './use_messages'

/**
 * The backend words its own codes in English only (its Spanish catalog covers the core's), so
 * the plugin says the ones a supervisor or agent meets in their language, and falls back to the
 * backend's message for anything else.
 */
export function errorText(t: Translate, error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error)
  const key = `error.${error.code}`
  return key in MESSAGES ? t(key as MessageKey) : error.message
}

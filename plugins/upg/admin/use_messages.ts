import { usePluginMessages, type PluginTranslate } from '@tablero/admin'
import { MESSAGES, type MessageKey } from './messages'

export type Translate = PluginTranslate<MessageKey>

/** `t('fraud.clients', { count })` in the language the shell is showing. */
export function useMessages(): Translate {
  return usePluginMessages(MESSAGES)
}

/** A code's label (`service.travel`), or the code itself when the gateway sends a new one. */
export function labelOf(t: Translate, prefix: 'service' | 'method' | 'status', code: string) {
  const key = `${prefix}.${code}`
  return key in MESSAGES ? t(key as MessageKey) : code
}

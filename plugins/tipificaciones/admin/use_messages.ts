import { usePluginMessages, type PluginTranslate } from '@tablero/admin'
import { MESSAGES, type MessageKey } from './messages'

export type Translate = PluginTranslate<MessageKey>

/** `t('results.deleted', { name })` in the language the shell is showing. */
export function useMessages(): Translate {
  return usePluginMessages(MESSAGES)
}

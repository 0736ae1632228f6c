import { usePluginMessages, type PluginTranslate } from '@tablero/admin'
import { MESSAGES, type MessageKey } from './messages'

export type Translate = PluginTranslate<MessageKey>

/** `t('bulk.count', { count })` in the language the shell is showing. */
export function useMessages(): Translate {
  return usePluginMessages(MESSAGES)
}

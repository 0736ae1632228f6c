import { usePluginMessages, type PluginTranslate } from '@tablero/admin'
import { MESSAGES, type MessageKey } from './messages'

export type Translate = PluginTranslate<MessageKey>

/** `t('lift.title', { name })` in the language the shell is showing. */
export function useMessages(): Translate {
  return usePluginMessages(MESSAGES)
}

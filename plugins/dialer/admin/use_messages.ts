import { usePluginMessages, type PluginTranslate } from '@tablero/admin'
import { MESSAGES, type MessageKey } from './messages'

export type Translate = PluginTranslate<MessageKey>

export function useMessages(): Translate {
  return usePluginMessages(MESSAGES)
}

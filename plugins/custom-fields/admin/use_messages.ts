import { usePluginMessages, type PluginTranslate } from '@tablero/admin'
import type { CustomFieldType } from './definitions'
import { MESSAGES, type MessageKey } from './messages'

export type Translate = PluginTranslate<MessageKey>

/** `t('fields.retired', { label })` in the language the shell is showing. */
export function useMessages(): Translate {
  return usePluginMessages(MESSAGES)
}

export function typeLabel(t: Translate, type: CustomFieldType) {
  return t(`type.${type}`)
}

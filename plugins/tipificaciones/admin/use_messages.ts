import { useLocalize } from '@tablero/admin'
import { MESSAGES, type MessageKey } from './messages'

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

/**
 * `t('results.deleted', { name })` in the language the shell is showing; re-renders on a
 * language switch because `useLocalize` follows i18next.
 */
export function useMessages(): Translate {
  const localize = useLocalize()
  return (key, values) =>
    localize(MESSAGES[key]).replace(/\{(\w+)\}/g, (match, name: string) =>
      values && name in values ? String(values[name]) : match
    )
}

import { useLocalize, type LocalizedText } from './localized_text'

export type PluginTranslate<Key extends string> = (
  key: Key,
  values?: Record<string, string | number>
) => string

/**
 * A plugin's own texts (`{ es, en }` per key) in the language the shell is showing, with
 * `{name}` placeholders filled; re-renders on a language switch because `useLocalize` follows
 * i18next. Plugins keep their catalogue beside their screens and never edit the shell's.
 */
export function usePluginMessages<Key extends string>(
  messages: Record<Key, LocalizedText>
): PluginTranslate<Key> {
  const localize = useLocalize()
  return (key, values) =>
    localize(messages[key]).replace(/\{(\w+)\}/g, (match, name: string) =>
      values && name in values ? String(values[name]) : match
    )
}

import { useTranslation } from 'react-i18next'
import { DEFAULT_LOCALE, isLocale, type Locale } from './i18n'

/**
 * Labels that come from plugin manifests and resource metadata are data, not translation keys:
 * the backend sends them as `{ es, en }`.
 */
export type LocalizedText = Partial<Record<Locale, string>>

export function pickLocalized(text: LocalizedText | string | undefined, locale: Locale) {
  if (typeof text === 'string') return text
  return text?.[locale] ?? text?.[DEFAULT_LOCALE] ?? Object.values(text ?? {})[0] ?? ''
}

/** `localize(label)` in the current language; re-renders when the language changes. */
export function useLocalize() {
  const { i18n } = useTranslation()
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE
  return (text: LocalizedText | string | undefined) => pickLocalized(text, locale)
}

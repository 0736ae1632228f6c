import type { I18nProvider } from '@refinedev/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { chooseLocale, currentLocale, isLocale } from '../i18n/i18n'

/**
 * Refine's i18n provider over i18next. It is rebuilt whenever the language changes so that
 * Refine's own components (sider, buttons, notifications) re-render in the new language.
 */
export function useI18nProvider(): I18nProvider {
  const { t } = useTranslation()

  return useMemo<I18nProvider>(
    () => ({
      translate(key, options, defaultMessage) {
        // Refine sometimes passes the default text as the second argument.
        if (typeof options === 'string') return String(t(key, { defaultValue: options }))
        return String(t(key, { defaultValue: defaultMessage, ...options }))
      },
      changeLocale(locale) {
        return isLocale(locale) ? chooseLocale(locale) : undefined
      },
      getLocale: () => currentLocale(),
    }),
    // react-i18next hands out a new `t` on every language change: that rebuilds the provider.
    [t]
  )
}

import { useGetLocale, useSetLocale } from '@refinedev/core'
import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { SUPPORTED_LOCALES, type Locale } from '../i18n/i18n'

/** ES | EN toggle; the choice is remembered in this browser by the i18n provider. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const locale = useGetLocale()()
  const setLocale = useSetLocale()

  return (
    <Segmented<Locale>
      aria-label={t('locale.label')}
      data-testid="language-switch"
      size="small"
      value={locale as Locale}
      onChange={(value) => setLocale(value)}
      options={SUPPORTED_LOCALES.map((value) => ({
        value,
        title: t(`locale.${value}`),
        label: <span data-testid={`language-${value}`}>{value.toUpperCase()}</span>,
      }))}
    />
  )
}

import { useTranslation } from 'react-i18next'
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../i18n/i18n'
import { useSessionUser } from '../../meta/use_session_user'

/** The browser's zone, for a profile that has none. */
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone

/** The interface language and the signed-in user's time zone: what every value is shown in. */
export function useUserLocale(): { locale: Locale; zone: string } {
  const { i18n } = useTranslation()
  const user = useSessionUser()
  return {
    locale: isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE,
    zone: user?.timezone || BROWSER_ZONE,
  }
}

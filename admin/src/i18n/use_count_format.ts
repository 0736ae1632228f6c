import { useUserLocale } from '../resources/fields/use_user_locale'
import { formatCount } from './wording'

/**
 * A formatter for counts in the UI language, for antd's `<Statistic formatter>` (whose own
 * separator is always ","): "2.049" in Spanish, "2,049" in English.
 */
export function useCountFormat() {
  const { locale } = useUserLocale()
  return (value: number | string | undefined) => formatCount(Number(value ?? 0), locale)
}

import { formatCount } from '../../i18n/wording'
import type { Locale } from '../../i18n/i18n'

/**
 * The engine stops counting at 1,000 rows, a search at 200 (an exact count of a million costs
 * a full scan on every page); past that the pager reads "1.000+" or "200+".
 */
export function formatListTotal(total: number, capped: boolean, locale: Locale) {
  const number = formatCount(total, locale)
  return capped ? `${number}+` : number
}

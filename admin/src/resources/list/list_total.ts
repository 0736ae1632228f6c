/**
 * The engine stops counting at 1,000 rows (an exact count of a million costs a full scan on
 * every page); past that the pager reads "1.000+".
 */
export function formatListTotal(total: number, capped: boolean, locale: string) {
  const number = total.toLocaleString(locale)
  return capped ? `${number}+` : number
}

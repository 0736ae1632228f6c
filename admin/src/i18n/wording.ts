import type { Locale } from './i18n'

/**
 * A count as the user writes it: "1.234" in Spanish, "1,234" in English. `useGrouping: 'always'`
 * because Spanish's default leaves four-digit numbers ungrouped ("1234").
 */
export function formatCount(value: number, locale: Locale) {
  return new Intl.NumberFormat(locale, { useGrouping: 'always' }).format(value)
}

/**
 * Any number as the UI language writes it ("2.049,5" in Spanish); a numeric text (a DECIMAL
 * from MySQL: "12.50") too. What is not a number is shown as it is.
 */
export function formatNumber(value: unknown, locale: Locale) {
  const number = typeof value === 'number' ? value : Number(value)
  if (value === null || value === '' || !Number.isFinite(number)) return String(value ?? '')
  return new Intl.NumberFormat(locale, { useGrouping: 'always', maximumFractionDigits: 6 }).format(
    number
  )
}

/**
 * A resource's label inside a sentence: "Se crearán 3 clientes". Only a capital that merely
 * starts the label is lowered, so an acronym ("SMS enviados") keeps its capitals.
 */
export function labelInSentence(label: string, locale: Locale) {
  const [first = '', second = ''] = label
  if (second && second !== second.toLocaleLowerCase(locale)) return label
  return first.toLocaleLowerCase(locale) + label.slice(first.length)
}

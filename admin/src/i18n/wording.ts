import type { Locale } from './i18n'

/**
 * A count as the user writes it: "1.234" in Spanish, "1,234" in English. `useGrouping: 'always'`
 * because Spanish's default leaves four-digit numbers ungrouped ("1234").
 */
export function formatCount(value: number, locale: Locale) {
  return new Intl.NumberFormat(locale, { useGrouping: 'always' }).format(value)
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

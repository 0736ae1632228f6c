import { stringify } from 'csv-stringify/sync'

/** A cell a spreadsheet would run as a formula starts with one of these. */
export const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A phone in E.164 ("+573001234567"): a plus and digits only. A
 * spreadsheet reads it as a number at worst, never runs anything, so it is
 * written as it is.
 */
const E164 = /^\+[1-9]\d{1,14}$/

/** Whether a text cell would be run as a formula by a spreadsheet (and so needs the apostrophe). */
export function isFormulaLike(value: string) {
  return FORMULA_START.test(value) && !E164.test(value)
}

/**
 * One CSV line (RFC 4180, CRLF), written by csv-stringify. Text cells that
 * a spreadsheet would run as a formula (=, +, -, @ first) get a leading
 * apostrophe (a plain E.164 phone is no formula); other values are written as their text (true, 12.5).
 */
export function csvLine(cells: unknown[]): string {
  // A lone LF or CR also ends a spreadsheet's row unless quoted.
  return stringify([cells.map(csvText)], { record_delimiter: 'windows', quoted_match: /[\r\n]/ })
}

function csvText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'string') return String(value)
  return isFormulaLike(value) ? `'${value}` : value
}

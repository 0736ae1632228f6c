import { stringify } from 'csv-stringify/sync'

/** A cell a spreadsheet would run as a formula starts with one of these. */
export const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One CSV line (RFC 4180, CRLF), written by csv-stringify. Text cells that
 * a spreadsheet would run as a formula (=, +, -, @ first) get a leading
 * apostrophe; other values are written as their text (true, 12.5).
 */
export function csvLine(cells: unknown[]): string {
  // A lone LF or CR also ends a spreadsheet's row unless quoted.
  return stringify([cells.map(csvText)], { record_delimiter: 'windows', quoted_match: /[\r\n]/ })
}

function csvText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'string') return String(value)
  return FORMULA_START.test(value) ? `'${value}` : value
}

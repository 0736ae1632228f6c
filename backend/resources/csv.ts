/** A cell a spreadsheet would run as a formula starts with one of these. */
export const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One CSV line (RFC 4180). Cells that a spreadsheet would run as a formula
 * (=, +, -, @ first) get a leading apostrophe.
 */
export function csvLine(cells: unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n'
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = typeof value === 'string' ? value : String(value)
  if (FORMULA_START.test(text) && typeof value === 'string') text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

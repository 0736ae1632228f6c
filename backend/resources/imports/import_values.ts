import type { FieldDefinition } from '../types.ts'
import type { ImportColumn } from './import_columns.ts'
import { FORMULA_START } from '../csv.ts'

const TRUE = new Set(['1', 'true', 'si', 'sí', 's', 'yes', 'y', 'x', 'verdadero'])
const FALSE = new Set(['0', 'false', 'no', 'n', 'falso'])
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const DECIMAL_COMMA = /^-?\d+,\d+$/
/** The apostrophe our CSV export puts before a formula-like cell (csvLine). */
const FORMULA_GUARD = new RegExp(`^'(?=${FORMULA_START.source.slice(1)})`)

/**
 * Formula cells (issue 14): a text cell starting with =, +, - or @ is
 * stored as the text it is ("=1+2" stays "=1+2", never evaluated, never
 * refused). The danger is a spreadsheet running it later, so every CSV we
 * write puts an apostrophe before such a cell (csvLine), except a plain
 * E.164 phone, which is no formula; that apostrophe is dropped again when
 * our export is imported back.
 *
 * A data row as the body of a create, so it goes through the same
 * validation: an empty cell is an absent field (its default applies), and
 * what spreadsheets write is read as the API expects it (sí/no, an
 * option's label, 31/12/2026, 12,5, linked ids as 3|7; an exported "'+57…" loses the
 * apostrophe the export added). Anything else is passed as written
 * and the validation says what is wrong with it.
 */
export function rowBody(columns: ImportColumn[], cells: string[]) {
  const body: Record<string, unknown> = {}
  for (const { index, field } of columns) {
    const text = (cells[index] ?? '').replace(FORMULA_GUARD, '').trim()
    if (text !== '') body[field.name] = cellValue(field, text)
  }
  return body
}

/** Whether a row has text in cells past the header's last column. */
export function hasExtraCells(cells: string[], width: number) {
  return cells.slice(width).some((cell) => cell.trim() !== '')
}

export function isBlank(cells: string[]) {
  return cells.every((cell) => cell.trim() === '')
}

function cellValue(field: FieldDefinition, text: string): unknown {
  switch (field.type) {
    case 'boolean': {
      const word = text.toLowerCase()
      if (TRUE.has(word)) return true
      if (FALSE.has(word)) return false
      return text
    }
    case 'select':
      return optionValue(field, text)
    case 'multiselect':
      return text
        .split(/[|,;]/)
        .map((item) => item.trim())
        .filter(Boolean)
        .map((item) => optionValue(field, item))
    case 'relations':
      // The linked ids, as the export writes them ("3|7") or as people type them ("3; 7", "3, 7").
      return text
        .split(/[|,;]/)
        .map((item) => item.trim())
        .filter(Boolean)
    case 'decimal':
      return DECIMAL_COMMA.test(text) ? text.replace(',', '.') : text
    case 'date': {
      const match = DAY_FIRST.exec(text)
      return match ? `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}` : text
    }
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2} \d/.test(text) ? text.replace(' ', 'T') : text
    default:
      return text
  }
}

/** An option by its value, or by its label in either language, ignoring case. */
function optionValue(field: FieldDefinition, text: string) {
  const options = field.options ?? []
  if (options.some((option) => option.value === text)) return text
  const wanted = text.toLowerCase()
  const match = options.find((option) =>
    [option.value, option.label.es, option.label.en].some((name) => name.toLowerCase() === wanted)
  )
  return match ? match.value : text
}

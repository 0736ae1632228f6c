import { TableroError } from '#exceptions/tablero_error'
import { foldForSearch } from '#services/client_names'
import type { FieldDefinition } from '../types.ts'
import { isRejectionColumn } from './rejection_column.ts'

/** A column of an import file and the field it fills. */
export interface ImportColumn {
  index: number
  field: FieldDefinition
}

type HeaderProblem = { message: string; rule: string; meta: Record<string, unknown> }

/**
 * The fields a create accepts, in declaration order (custom fields
 * included, since they are fields of the resource by now): the import
 * template's header.
 */
export function importableFields(fields: Map<string, FieldDefinition>) {
  return [...fields.values()].filter((field) => !field.readOnly)
}

/** Lower case without accents: "Teléfono" and "telefono" name the same column. */
const fold = foldForSearch

/**
 * Which column goes to which field, chosen by the user when the file's
 * header differs from the template: a header's text (accents, case and
 * spaces ignored) → the field's name, or null to leave the column out.
 * Headers it does not name are matched as usual.
 */
export type ColumnMapping = Record<string, string | null>

/** The header text a mapping is keyed by: "Teléfono " and "telefono" are one header. */
export const mappingKey = fold

/**
 * The field a header names by itself: a field's name, or a writable
 * field's Spanish or English label (what our export and template write).
 * Read-only fields (an export's id, country, dates) are found too, so the
 * caller can leave them out.
 */
export function headerMatcher(fields: Map<string, FieldDefinition>) {
  const byName = new Map<string, FieldDefinition>()
  for (const field of fields.values()) byName.set(fold(field.name), field)
  for (const field of fields.values()) {
    for (const label of [field.label.es, field.label.en]) {
      if (!byName.has(fold(label))) byName.set(fold(label), field)
    }
  }
  return (name: string) => byName.get(fold(name))
}

/**
 * The mapping a screen proposes for a header: the remembered choice when
 * there is one (and its field still exists), else the field the header
 * names; read-only and unknown columns are proposed as left out.
 */
export function proposeMapping(
  fields: Map<string, FieldDefinition>,
  header: string[],
  remembered: ColumnMapping | null
) {
  const writable = new Set(importableFields(fields).map((field) => field.name))
  const match = headerMatcher(fields)
  const taken = new Set<string>()
  return header.map((text) => {
    const key = mappingKey(text)
    let field: string | null = null
    // readOnly: a column our export writes (id, dates), left out by itself.
    let source: 'remembered' | 'header' | 'readOnly' | null = null
    if (remembered && key in remembered) {
      const chosen = remembered[key]
      if (chosen === null || writable.has(chosen)) {
        field = chosen
        source = 'remembered'
      }
    }
    if (source === null) {
      const named = text.trim() === '' ? undefined : match(text)
      if (named && writable.has(named.name)) {
        field = named.name
        source = 'header'
      } else if (named?.readOnly) {
        source = 'readOnly'
      }
    }
    // One column per field: a second column naming it is left out.
    if (field !== null && taken.has(field)) field = null
    if (field !== null) taken.add(field)
    return { header: text, field, source }
  })
}

/**
 * Reads the header row: each cell names a field by its name or by its
 * Spanish or English label, or is mapped to one (or left out) by
 * `mapping`. Read-only columns (an export's id or dates) are left out, so
 * an export imports back. Unknown, repeated or unnamed columns and
 * required fields without a column are a 422 on `file` listing every
 * problem, so the file is fixed once.
 */
export function resolveHeader(
  fields: Map<string, FieldDefinition>,
  header: string[],
  mapping: ColumnMapping | null = null
) {
  const writable = importableFields(fields)
  const match = headerMatcher(fields)
  const mapped = new Map(Object.entries(mapping ?? {}).map(([key, value]) => [fold(key), value]))
  // Spreadsheets often leave empty cells at the end of the header.
  let width = header.length
  while (width > 0 && header[width - 1].trim() === '') width -= 1
  const problems: HeaderProblem[] = []
  const columns: ImportColumn[] = []
  const seen = new Set<string>()
  for (let index = 0; index < width; index++) {
    const name = header[index].trim()
    // A rejected-rows file's error column (fixed rows uploaded again).
    if (isRejectionColumn(name)) continue
    const key = fold(name)
    const choice = mapped.get(key)
    // A column the user left out is skipped, whatever it holds.
    if (mapped.has(key) && (choice === null || choice === '')) continue
    const field = mapped.has(key) ? fields.get(String(choice)) : match(name)
    if (mapped.has(key) && (!field || field.readOnly)) {
      problems.push({
        message: `Column "${name.slice(0, 60)}" is mapped to an unknown field "${String(choice).slice(0, 60)}"`,
        rule: 'unknownMappedField',
        meta: { column: name.slice(0, 60), field: String(choice).slice(0, 60) },
      })
    } else if (name === '') {
      problems.push({
        message: `Column ${index + 1} has no name`,
        rule: 'unnamedColumn',
        meta: { position: index + 1 },
      })
    } else if (!field) {
      problems.push({
        message: `Unknown column "${name.slice(0, 60)}"`,
        rule: 'unknownColumn',
        meta: { column: name.slice(0, 60) },
      })
    } else if (field.readOnly) {
      // An export's read-only columns: known, never written.
      continue
    } else if (seen.has(field.name)) {
      problems.push({
        message: `Column "${name}" repeats the field ${field.name}`,
        rule: 'duplicateColumn',
        meta: { column: name, field: field.name },
      })
    } else {
      seen.add(field.name)
      columns.push({ index, field })
    }
  }
  for (const field of writable) {
    if (field.required && !field.condition && !seen.has(field.name)) {
      problems.push({
        message: `Required column "${field.name}" is missing`,
        rule: 'missingColumn',
        meta: { column: field.name },
      })
    }
  }
  if (problems.length > 0) throw headerError(problems)
  return { columns, width }
}

export function headerError(problems: HeaderProblem[]) {
  return new TableroError(
    'CSV_COLUMNS',
    `file: ${problems.map((problem) => problem.message).join('; ')}`,
    422,
    problems.map((problem) => ({ field: 'file', ...problem }))
  )
}

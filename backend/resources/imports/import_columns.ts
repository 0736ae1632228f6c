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
 * Reads the header row: each cell names a field by its name or by its
 * Spanish or English label. Unknown, repeated or unnamed columns and
 * required fields without a column are a 422 on `file` listing every
 * problem, so the file is fixed once.
 */
export function resolveHeader(fields: Map<string, FieldDefinition>, header: string[]) {
  const writable = importableFields(fields)
  const byName = new Map<string, FieldDefinition>()
  // Read-only fields are known (an export has them) but refused by name.
  for (const field of fields.values()) byName.set(fold(field.name), field)
  for (const field of writable) {
    for (const label of [field.label.es, field.label.en]) {
      if (!byName.has(fold(label))) byName.set(fold(label), field)
    }
  }
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
    const field = byName.get(fold(name))
    if (name === '') {
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
      problems.push({
        message: `Column "${name}" is read-only and cannot be imported: remove it`,
        rule: 'readOnlyColumn',
        meta: { column: name },
      })
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

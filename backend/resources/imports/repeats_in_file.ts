import type { FieldDefinition, ResourceDefinition } from '../types.ts'
import type { RowError } from './import_errors.ts'
import { FirstLines } from './first_lines.ts'

/**
 * The values of one CSV file that must not repeat between its rows (see
 * ResourceDefinition.distinctInImport, and fields marked unique), with the
 * line that had each first. Only rows that passed every other check are
 * remembered, so a repeat always points at a line that would be imported.
 * Memory stays small for a million rows: see FirstLines.
 */
export class RepeatsInFile {
  #fields: string[]
  /** Keys are the field's position and the value: one table for every field. */
  #firstLine = new FirstLines()

  /** `also`: more fields that must not repeat (an update's key field). */
  constructor(
    definition: ResourceDefinition,
    fields: Map<string, FieldDefinition>,
    also: string[] = []
  ) {
    const names = new Set([...(definition.distinctInImport ?? []), ...also])
    for (const field of fields.values()) if (field.unique) names.add(field.name)
    this.#fields = [...names].filter((name) => fields.has(name))
  }

  /** The repeats of `values` (a row as create would write it) on `line`; remembers the rest. */
  check(values: Record<string, unknown>, line: number): RowError[] {
    const repeats: RowError[] = []
    const firsts: string[] = []
    for (const [position, field] of this.#fields.entries()) {
      const value = values[field]
      if (value === null || value === undefined || value === '') continue
      const key = `${position}\u0000${String(value)}`
      const first = this.#firstLine.get(key)
      if (first === undefined) {
        firsts.push(key)
      } else {
        repeats.push({
          line,
          field,
          message: `Repeats line ${first} of this file`,
          rule: 'repeatedInFile',
          meta: { line: first },
        })
      }
    }
    // A row with a repeat will not be imported: its other values stay free.
    if (repeats.length === 0) for (const key of firsts) this.#firstLine.set(key, line)
    return repeats
  }
}

import type { FieldDefinition, ResourceDefinition } from '../types.ts'
import { fieldInputError } from '../errors.ts'

/**
 * How an import writes (issue 14): `create` makes a record of every row;
 * `update` first looks each row's `keyField` up, changes only the
 * `updateFields` of the record it names, and creates the rows that name
 * none.
 */
export interface ImportMode {
  mode: 'create' | 'update'
  keyField: string | null
  updateFields: string[]
}

export const CREATE_MODE: ImportMode = { mode: 'create', keyField: null, updateFields: [] }

/**
 * The fields an update by file may match records by: the resource's
 * `importKeys` and its unique fields, among those the user may write.
 */
export function importKeyFields(
  definition: ResourceDefinition,
  fields: Map<string, FieldDefinition>
) {
  const names = new Set(definition.importKeys ?? [])
  for (const field of fields.values()) if (field.unique) names.add(field.name)
  return [...names]
    .map((name) => fields.get(name))
    .filter((field): field is FieldDefinition => Boolean(field && !field.readOnly))
}

/** The fields an update by file may change: writable after creation, the key excepted. */
export function updatableFields(fields: Map<string, FieldDefinition>, keyField: string | null) {
  return [...fields.values()].filter(
    (field) => !field.readOnly && !field.createOnly && field.name !== keyField
  )
}

/**
 * The upload's `mode`, `key_field` and `update_fields` (a list, or names
 * separated by commas), each a 422 on its name when wrong.
 */
export function readImportMode(
  input: { mode: unknown; keyField: unknown; updateFields: unknown },
  definition: ResourceDefinition,
  fields: Map<string, FieldDefinition>
): ImportMode {
  if (input.mode === undefined || input.mode === null || input.mode === '') return CREATE_MODE
  if (input.mode === 'create') return CREATE_MODE
  if (input.mode !== 'update') {
    throw fieldInputError('mode', 'Expected create or update', 'enum', {
      choices: 'create, update',
    })
  }
  const keys = importKeyFields(definition, fields)
  const keyField = typeof input.keyField === 'string' ? input.keyField.trim() : ''
  if (!keys.some((field) => field.name === keyField)) {
    throw fieldInputError(
      'key_field',
      `Choose the field that finds each record: ${keys.map((field) => field.name).join(', ')}`,
      'enum',
      { choices: keys.map((field) => field.name).join(', ') }
    )
  }
  const listed = Array.isArray(input.updateFields)
    ? input.updateFields
    : typeof input.updateFields === 'string'
      ? input.updateFields.split(',')
      : []
  const names = [...new Set(listed.map((name) => String(name).trim()).filter(Boolean))]
  if (names.length === 0) {
    throw fieldInputError('update_fields', 'Choose at least one field to update', 'required')
  }
  const allowed = new Set(updatableFields(fields, keyField).map((field) => field.name))
  const wrong = names.find((name) => !allowed.has(name))
  if (wrong !== undefined) {
    throw fieldInputError(
      'update_fields',
      `"${wrong.slice(0, 60)}" cannot be updated by file`,
      'updatable',
      { field: wrong.slice(0, 60) }
    )
  }
  return { mode: 'update', keyField, updateFields: names }
}

/** The mode a job was uploaded with. */
export function modeOf(job: {
  mode?: string | null
  key_field?: string | null
  update_fields?: string | null
}): ImportMode {
  if (job.mode !== 'update' || !job.key_field) return CREATE_MODE
  return {
    mode: 'update',
    keyField: job.key_field,
    updateFields: job.update_fields ? (JSON.parse(job.update_fields) as string[]) : [],
  }
}

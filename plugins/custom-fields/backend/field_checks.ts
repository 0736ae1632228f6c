import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { TableroError, fieldInputError, coerceValue } from '#sdk'
import { toFieldDefinition, type FieldRow } from './custom_field_provider.ts'

export type Option = { value: string; label: { es: string; en: string } }

/**
 * The rules of a field definition that the validators cannot state alone:
 * shared by the bespoke create and the resource's update hook.
 */
export function checkOptions(type: string, options: Option[] | undefined) {
  const needs = type === 'select' || type === 'multiselect'
  if (needs && !options) throw fieldInputError('options', 'A select needs its options', 'required')
  if (!needs) return null
  const values = options!.map((option) => option.value)
  const duplicate = values.findIndex((value, i) => values.indexOf(value) !== i)
  if (duplicate >= 0)
    throw fieldInputError(`options[${duplicate}].value`, 'Repeated option', 'distinct')
  return options!
}

export function checkRange(min: number | null | undefined, max: number | null | undefined) {
  if (min !== null && min !== undefined && max !== null && max !== undefined && min > max) {
    throw fieldInputError('max', 'The maximum is below the minimum', 'range')
  }
}

/** The default value, checked against the field's own rules, as stored text. */
export function defaultText(row: FieldRow, value: unknown, input = 'defaultValue'): string | null {
  if (value === undefined || value === null || value === '') return null
  const definition = toFieldDefinition(row, [])
  coerceValue(definition, value, input)
  return Array.isArray(value) ? value.join(',') : String(value)
}

export async function refuseRemovedOptionsInUse(
  client: QueryClientContract,
  field: Pick<FieldRow, 'key' | 'type' | 'options'>,
  options: Option[]
) {
  const previous: Option[] = field.options ? JSON.parse(field.options) : []
  const kept = new Set(options.map((option) => option.value))
  for (const removed of previous.filter((option) => !kept.has(option.value))) {
    const pattern = field.type === 'multiselect' ? `%,${removed.value},%` : removed.value
    const query = client.from('clients')
    if (field.type === 'multiselect') query.whereRaw(`?? LIKE ?`, [field.key, pattern])
    else query.where(field.key, pattern)
    const [row] = await query.count('* as n')
    if (Number(row.n) > 0) {
      throw new TableroError(
        'OPTION_IN_USE',
        `${row.n} client(s) have "${removed.value}": change their value before removing the option`,
        409,
        [{ field: 'options', message: `"${removed.value}" is in use`, rule: 'inUse' }],
        { count: Number(row.n) }
      )
    }
  }
}

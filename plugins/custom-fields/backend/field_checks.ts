import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { TableroError, fieldInputError, coerceValue, type HookContext } from '#sdk'
import { toFieldDefinition, type FieldRow } from './custom_field_provider.ts'
import { OPTION_VALUE } from '../shared/field_rules.ts'

export type Option = { value: string; label: { es: string; en: string } }

/**
 * The rules of a field definition that the field metadata cannot state
 * alone: options that parse and do not repeat, an ordered range, a default
 * that obeys the field's own rules. Shared by the create's hooks, the
 * update hook and the type change.
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

type Values = Record<string, unknown>

/**
 * A new field's options and default as stored, checked: throws a 422 (or
 * 409) naming the input, so `prepare` can refuse before any DDL.
 */
export function fieldDefinitionValues(values: Readonly<Values>) {
  const type = values.type as FieldRow['type']
  const options = checkOptions(type, parseOptions(values.options))
  checkRange(values.min as number | null, values.max as number | null)
  const stored = options ? JSON.stringify(options) : null
  const row = { ...values, options: stored, default_value: null } as unknown as FieldRow
  return {
    options: stored,
    default_value: defaultText(row, defaultInput(row, values.default_value), 'default_value'),
  }
}

/**
 * A field's update keeps its definition sound: options parse and do not
 * drop a value clients hold, the default obeys the field's own rules, and
 * the range is ordered.
 */
export async function refuseUnsafeUpdate(values: Values, before: Values, hook: HookContext) {
  const current = before as unknown as FieldRow
  const next = { ...current, ...values } as FieldRow
  checkRange(next.min as number | null, next.max as number | null)
  if (values.options !== undefined) {
    const options = checkOptions(current.type, parseOptions(values.options))
    if (options) await refuseRemovedOptionsInUse(hook.trx, current, options)
    values.options = options ? JSON.stringify(options) : null
    next.options = values.options as string | null
  }
  if (values.default_value !== undefined) {
    values.default_value = defaultText(
      next,
      defaultInput(next, values.default_value),
      'default_value'
    )
  }
}

/** The order after the profile's last field. */
export async function nextOrder(client: QueryClientContract, profileId: number) {
  const [row] = await client
    .from('cf_fields')
    .where('profile_id', profileId)
    .max('sort_order as top')
  return Number(row?.top ?? 0) + 1
}

/** A multiselect's default is stored as "a,b". */
function defaultInput(row: Pick<FieldRow, 'type'>, raw: unknown) {
  return row.type === 'multiselect' && typeof raw === 'string' ? raw.split(',') : raw
}

/** The options column holds a JSON list of { value, label: { es, en } }. */
function parseOptions(raw: unknown): Option[] | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined
  try {
    const parsed = JSON.parse(String(raw))
    if (Array.isArray(parsed) && parsed.every(isOption)) return parsed as Option[]
  } catch {}
  throw fieldInputError('options', 'Options must be a JSON list of { value, label: { es, en } }')
}

function isOption(option: any) {
  const text = (value: unknown) => typeof value === 'string' && value.trim().length > 0
  return (
    typeof option?.value === 'string' &&
    OPTION_VALUE.test(option.value) &&
    text(option.label?.es) &&
    text(option.label?.en)
  )
}

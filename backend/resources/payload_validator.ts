import vine from '@vinejs/vine'
import type { FieldDefinition } from './types.ts'
import { fieldInputError } from './errors.ts'
import { coerceValue } from './values.ts'
import { maxLengthOf } from './field_rules.ts'

type Mode = 'create' | 'update'

/**
 * VineJS rule for one field, built from its metadata.
 */
function ruleFor(field: FieldDefinition) {
  switch (field.type) {
    case 'number':
    case 'relation': {
      let rule = vine.number().withoutDecimals()
      if (field.min !== undefined) rule = rule.min(field.min)
      if (field.max !== undefined) rule = rule.max(field.max)
      return rule
    }
    case 'decimal': {
      let rule = vine.number()
      if (field.min !== undefined) rule = rule.min(field.min)
      if (field.max !== undefined) rule = rule.max(field.max)
      return rule
    }
    case 'relations': {
      // Elements, bounds and order: coerceIds (values.ts), also for imports and filters.
      const rule = vine.array(vine.any())
      return field.required ? rule.minLength(1) : rule
    }
    case 'boolean':
      return vine.boolean()
    case 'select':
      return vine.enum((field.options ?? []).map((option) => option.value))
    case 'multiselect':
      return vine.array(vine.enum((field.options ?? []).map((option) => option.value))).distinct()
    case 'email':
      // Lower-cased before any check: e-mails compare regardless of case
      // (a unique e-mail is unique in any letter case).
      // Length first (field_rules.ts), so an over-long one gets the same rule as any text.
      return vine.string().trim().toLowerCase().maxLength(maxLengthOf(field)).email()
    case 'url':
      return vine.string().trim().maxLength(maxLengthOf(field)).url()
    case 'password':
      // Written only: hashed by the resource's hook, never read back.
      return vine
        .string()
        .minLength(8)
        .maxLength(200)
        .regex(/[A-Za-z]/)
        .regex(/\d/)
    // Format, real day and year range: coerceValue (date_input.ts), with messages that say which.
    case 'date':
    case 'datetime':
      return vine.string().maxLength(40)
    default: {
      // Text, textarea and phone: length and shape are checked once, by
      // coerceValue (field_rules.ts), for the API, imports and filters alike.
      let rule = vine.string().trim()
      if (field.required) rule = rule.minLength(1)
      return rule
    }
  }
}

const cache = new WeakMap<Map<string, FieldDefinition>, Record<Mode, ReturnType<typeof compile>>>()

function compile(fields: Map<string, FieldDefinition>, mode: Mode) {
  const properties: Record<string, any> = {}
  for (const field of fields.values()) {
    if (field.readOnly || (mode === 'update' && field.createOnly)) continue
    const rule = ruleFor(field)
    // A conditional field's "required" depends on the row (its campaign):
    // checked by requireConditionalFields once the row is known.
    const alwaysRequired = field.required && !field.condition
    properties[field.name] =
      mode === 'create' && alwaysRequired
        ? rule
        : alwaysRequired
          ? rule.optional()
          : rule.nullable().optional()
  }
  return vine.compile(vine.object(properties))
}

/**
 * Validates a create or update body against the resource's fields: unknown
 * and read-only keys are refused, then VineJS checks types and rules, then
 * values are converted to what the columns store.
 */
export async function validatePayload(
  fields: Map<string, FieldDefinition>,
  body: unknown,
  mode: Mode
): Promise<Record<string, unknown>> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw fieldInputError('body', 'Expected a JSON object')
  }
  for (const key of Object.keys(body)) {
    const field = fields.get(key)
    if (!field) throw fieldInputError(key, `Unknown field "${key}"`, 'unknownField')
    if (field.readOnly) throw fieldInputError(key, `"${key}" is read-only`, 'readOnly')
    if (mode === 'update' && field.createOnly) {
      throw fieldInputError(key, `"${key}" is set when the record is created`, 'createOnly')
    }
  }
  let compiled = cache.get(fields)
  if (!compiled) {
    compiled = { create: compile(fields, 'create'), update: compile(fields, 'update') }
    cache.set(fields, compiled)
  }
  const valid = (await compiled[mode].validate(body)) as Record<string, unknown>
  const values: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(valid)) {
    if (value === undefined) continue
    values[key] = coerceValue(fields.get(key)!, value, key)
  }
  if (mode === 'create') {
    for (const field of fields.values()) {
      // A campaign's custom field takes its default only on that campaign's clients.
      const applies =
        !field.condition || field.condition.in.includes(values[field.condition.field] as never)
      if (
        applies &&
        values[field.name] === undefined &&
        field.defaultValue !== undefined &&
        !field.readOnly
      ) {
        values[field.name] = coerceValue(field, field.defaultValue, field.name)
      }
    }
  }
  return values
}

/**
 * Required fields that apply only to some rows (custom fields of some
 * campaigns) must be filled on those rows: `row` is the record as it will
 * be stored (before + changes on update).
 */
export function requireConditionalFields(
  fields: Map<string, FieldDefinition>,
  row: Record<string, unknown>
) {
  for (const field of fields.values()) {
    if (!field.required || !field.condition) continue
    if (!field.condition.in.includes(row[field.condition.field] as never)) continue
    const value = row[field.name]
    if (value === undefined || value === null || value === '') {
      throw fieldInputError(field.name, 'This field is required for this campaign', 'required')
    }
  }
}

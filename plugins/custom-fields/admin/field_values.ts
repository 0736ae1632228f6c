import type { FieldInput } from './custom_fields_api'
import {
  hasOptions,
  isNumeric,
  type BilingualText,
  type CustomField,
  type CustomFieldType,
  type FieldOption,
} from './definitions'

/** What the field form holds; values are in API form (dates as `YYYY-MM-DD`, ISO instants). */
export interface FieldFormValues {
  key?: string
  type: CustomFieldType
  label: BilingualText
  help?: { es?: string; en?: string }
  required?: boolean
  defaultValue?: unknown
  group?: string
  options?: FieldOption[]
  min?: number | null
  max?: number | null
}

/** A field as the agent's form shows it: the default already read from its stored text. */
export interface PreviewField {
  id: number
  key: string
  type: CustomFieldType
  label: BilingualText
  help: BilingualText | null
  required: boolean
  defaultValue: unknown
  options: FieldOption[]
  min: number | null
  max: number | null
  group: string | null
  /** The field being edited right now, drawn from the form rather than the server. */
  draft?: boolean
}

/** The stored default text read back as the value the widget holds (backend parseDefault). */
export function parseDefault(type: CustomFieldType, text: string | null): unknown {
  if (text === null || text === '') return undefined
  if (isNumeric(type)) return Number(text)
  if (type === 'boolean') return text === 'true'
  if (type === 'multiselect') return text.split(',').filter(Boolean)
  return text
}

export function toPreviewField(field: CustomField): PreviewField {
  return {
    ...field,
    defaultValue: parseDefault(field.type, field.defaultValue),
    options: field.options ?? [],
  }
}

export function newFieldValues(): FieldFormValues {
  return { type: 'text', label: { es: '', en: '' }, required: false, options: [] }
}

export function toFormValues(field: CustomField): FieldFormValues {
  return {
    key: field.key,
    type: field.type,
    label: field.label,
    help: field.help ?? { es: '', en: '' },
    required: field.required,
    defaultValue: parseDefault(field.type, field.defaultValue),
    group: field.group ?? '',
    options: field.options ?? [],
    min: field.min,
    max: field.max,
  }
}

const trimmed = (text: string | undefined) => text?.trim() ?? ''

function isEmptyValue(value: unknown) {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
}

/**
 * The request body for a create (`base` absent) or an edit. On create, empty inputs are left
 * out; on edit they are sent as null so that clearing an input clears the stored value.
 */
export function toFieldInput(values: FieldFormValues, base?: CustomField): FieldInput {
  const type = base?.type ?? values.type
  const cleared = base ? null : undefined
  const help = { es: trimmed(values.help?.es), en: trimmed(values.help?.en) }
  const input: FieldInput = {
    label: { es: trimmed(values.label.es), en: trimmed(values.label.en) },
    help: help.es || help.en ? help : cleared,
    required: Boolean(values.required),
    defaultValue: isEmptyValue(values.defaultValue) ? cleared : values.defaultValue,
    group: trimmed(values.group) || cleared,
  }
  if (!base) Object.assign(input, { key: trimmed(values.key), type })
  if (hasOptions(type)) {
    input.options = (values.options ?? []).map((option) => ({
      value: trimmed(option.value),
      label: { es: trimmed(option.label?.es), en: trimmed(option.label?.en) },
    }))
  }
  if (isNumeric(type)) {
    input.min = values.min ?? cleared
    input.max = values.max ?? cleared
  }
  return input
}

/** The field as it would look if saved now, for the live preview. */
export function toDraftField(values: Partial<FieldFormValues>, base?: CustomField): PreviewField {
  const type = base?.type ?? values.type ?? 'text'
  const help = { es: trimmed(values.help?.es), en: trimmed(values.help?.en) }
  return {
    id: base?.id ?? -1,
    key: base?.key ?? trimmed(values.key),
    type,
    label: { es: trimmed(values.label?.es), en: trimmed(values.label?.en) },
    help: help.es || help.en ? help : null,
    required: Boolean(values.required),
    defaultValue: values.defaultValue,
    options: (values.options ?? []).filter((option) => option?.value),
    min: values.min ?? null,
    max: values.max ?? null,
    group: trimmed(values.group) || null,
    draft: true,
  }
}

/** "Fecha de visita" → "fecha_de_visita": a key proposal while the supervisor types a label. */
export function keyFromLabel(label: string) {
  const key = label
    .normalize('NFD')
    .replace(/[\u0300-\u036F]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
  return key.slice(0, 40).replace(/_+$/, '')
}

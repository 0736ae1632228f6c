/**
 * The shapes `/api/p/custom-fields` speaks (see backend/profiles_controller.ts `presentField`).
 * The type list mirrors backend/field_types.ts: the admin cannot import backend code.
 */
export const CUSTOM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'decimal',
  'date',
  'datetime',
  'boolean',
  'select',
  'multiselect',
  'email',
  'phone',
  'url',
] as const
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number]

/** Same rule as backend/field_key.ts, checked before sending so typos get an instant answer. */
export const FIELD_KEY = /^[a-z][a-z0-9_]{1,39}$/

/** Option values end up inside ",a,b," for multiselects: no commas (backend validators.ts). */
export const OPTION_VALUE = /^[\w.-]{1,60}$/

export type Status = 'active' | 'retired'

/** Both languages are always filled: the agent may read either. */
export interface BilingualText {
  es: string
  en: string
}

export interface FieldOption {
  value: string
  label: BilingualText
}

export interface CustomField {
  id: number
  profileId: number
  key: string
  type: CustomFieldType
  label: BilingualText
  help: BilingualText | null
  required: boolean
  /** Stored as text: "true", "12.5", "a,b" (multiselect), "2026-03-01", an ISO instant. */
  defaultValue: string | null
  options: FieldOption[] | null
  min: number | null
  max: number | null
  group: string | null
  order: number
  status: Status
}

export interface Profile {
  id: number
  name: string
  description: string | null
  status: Status
  campaignIds: number[]
  fields: CustomField[]
}

export interface Campaign {
  id: number
  name: string
}

export function hasOptions(type: CustomFieldType) {
  return type === 'select' || type === 'multiselect'
}

export function isNumeric(type: CustomFieldType) {
  return type === 'number' || type === 'decimal'
}

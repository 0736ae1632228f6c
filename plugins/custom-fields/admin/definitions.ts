import type { CustomFieldType } from '../shared/field_rules.ts'

/**
 * The shapes `/api/p/custom-fields` speaks (see backend/profiles_controller.ts `presentField`).
 * The rules the backend enforces (types, key and option formats) come from ../shared, and are
 * checked here before sending so typos get an instant answer.
 */
export {
  CUSTOM_FIELD_TYPES,
  FIELD_KEY,
  OPTION_VALUE,
  type CustomFieldType,
} from '../shared/field_rules.ts'

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

export function hasOptions(type: CustomFieldType) {
  return type === 'select' || type === 'multiselect'
}

export function isNumeric(type: CustomFieldType) {
  return type === 'number' || type === 'decimal'
}

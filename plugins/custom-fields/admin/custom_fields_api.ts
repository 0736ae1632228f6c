import { api, ApiError, isApiError } from '@tablero/admin'
import type { CustomField, CustomFieldType, FieldOption } from './definitions'

/** The plugin's routes (backend/routes.ts), mounted by the kernel under /api/p/<plugin>. */
export const CUSTOM_FIELDS_API = '/api/p/custom-fields'

/** What a field form sends; `key` and `type` only when creating. */
export interface FieldInput {
  key?: string
  type?: CustomFieldType
  label: { es: string; en: string }
  help?: { es: string; en: string } | null
  required: boolean
  defaultValue?: unknown
  options?: FieldOption[]
  min?: number | null
  max?: number | null
  group?: string | null
}

type Data<T> = { data: T }
const profilePath = (id: number) => `${CUSTOM_FIELDS_API}/profiles/${id}`
const fieldPath = (id: number) => `${CUSTOM_FIELDS_API}/fields/${id}`

/**
 * A field is the declared resource `cf_fields`: the engine creates it (with its clients column),
 * edits it, and retires (archives) and restores it. Its form writes through the SDK's data hooks.
 */
export const FIELD_RESOURCE = 'cf_fields'
const fieldResourcePath = (id: number) => `/api/r/${FIELD_RESOURCE}/${id}`

/** The form's inputs as the columns of `cf_fields`; a new field also names its profile, key, type. */
export function fieldColumns(input: FieldInput, profileId?: number) {
  const columns: Record<string, unknown> = {
    label_es: input.label.es,
    label_en: input.label.en,
    help_es: input.help?.es || null,
    help_en: input.help?.en || null,
    required: input.required,
  }
  if (input.defaultValue !== undefined) {
    const value = input.defaultValue
    columns.default_value =
      value === null || value === '' ? null : Array.isArray(value) ? value.join(',') : String(value)
  }
  if (input.options !== undefined) columns.options = JSON.stringify(input.options)
  if (input.min !== undefined) columns.min = input.min
  if (input.max !== undefined) columns.max = input.max
  if (input.group !== undefined) columns.group_name = input.group || null
  if (profileId !== undefined)
    Object.assign(columns, { profile_id: profileId, key: input.key, type: input.type })
  return columns
}

/** A refusal of the generic REST, named after the form's inputs so it lands on them. */
const FORM_INPUT: Record<string, string> = {
  label_es: 'label.es',
  label_en: 'label.en',
  help_es: 'help.es',
  help_en: 'help.en',
  default_value: 'defaultValue',
  group_name: 'group',
}

export function asFormError(error: unknown): never {
  if (!isApiError(error) || !error.errors) throw error
  const errors = Object.fromEntries(
    Object.entries(error.errors).map(([input, messages]) => [FORM_INPUT[input] ?? input, messages])
  )
  throw new ApiError(error.statusCode, error.code, error.message, errors)
}

/**
 * Every change the screen makes besides a profile's own form (the generated form of
 * `cf_profiles`, campaigns included). Failures arrive as the SDK's `ApiError` (422 with `errors` per
 * input, 409 with the backend's explanation), for the caller to place on the form.
 */
export const customFieldsApi = {
  retireProfile: (id: number) => api.post(`${profilePath(id)}/retire`, { confirm: true }),
  restoreProfile: (id: number) => api.post(`${profilePath(id)}/restore`),

  reorderFields: (profileId: number, fieldIds: number[]) =>
    api.post(`${profilePath(profileId)}/fields/reorder`, { fieldIds }),
  retireField: (id: number) => api.post(`${fieldResourcePath(id)}/archive`),
  restoreField: (id: number) => api.post(`${fieldResourcePath(id)}/restore`),
  changeFieldType: (id: number, type: CustomFieldType, options?: FieldOption[]) =>
    api.post<Data<CustomField>>(`${fieldPath(id)}/change-type`, { type, options, confirm: true }),
}

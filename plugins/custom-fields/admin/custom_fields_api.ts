import { api } from '@tablero/admin'
import type { CustomField, CustomFieldType, FieldOption, Profile } from './definitions'

/** The plugin's routes (backend/routes.ts), mounted by the kernel under /api/p/<plugin>. */
export const CUSTOM_FIELDS_API = '/api/p/custom-fields'

export interface ProfileInput {
  name: string
  description?: string | null
  campaignIds: number[]
}

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
 * Every change the screen makes. Failures arrive as the SDK's `ApiError` (422 with `errors` per
 * input, 409 with the backend's explanation), for the caller to place on the form.
 */
export const customFieldsApi = {
  createProfile: (input: ProfileInput) =>
    api.post<Data<Profile>>(`${CUSTOM_FIELDS_API}/profiles`, input),
  updateProfile: (id: number, input: ProfileInput) =>
    api.patch<Data<Profile>>(profilePath(id), input),
  retireProfile: (id: number) => api.post(`${profilePath(id)}/retire`, { confirm: true }),
  restoreProfile: (id: number) => api.post(`${profilePath(id)}/restore`),

  createField: (profileId: number, input: FieldInput) =>
    api.post<Data<CustomField>>(`${profilePath(profileId)}/fields`, input),
  reorderFields: (profileId: number, fieldIds: number[]) =>
    api.post(`${profilePath(profileId)}/fields/reorder`, { fieldIds }),
  updateField: (id: number, input: FieldInput) =>
    api.patch<Data<CustomField>>(fieldPath(id), input),
  retireField: (id: number) => api.post(`${fieldPath(id)}/retire`, { confirm: true }),
  restoreField: (id: number) => api.post(`${fieldPath(id)}/restore`),
  changeFieldType: (id: number, type: CustomFieldType, options?: FieldOption[]) =>
    api.post<Data<CustomField>>(`${fieldPath(id)}/change-type`, { type, options, confirm: true }),
}

import type { signIn } from '#sdk/testing'

type Session = Awaited<ReturnType<typeof signIn>>
type Option = { value: string; label: { es: string; en: string } }

/** A field as a test thinks of it; sent as the columns of the resource cf_fields. */
export interface NewField {
  key: string
  type: string
  label: { es: string; en: string }
  required?: boolean
  options?: Option[]
  defaultValue?: string
  min?: number
  max?: number
}

export const FIELDS = '/api/r/cf_fields'

/** `POST /api/r/cf_fields`: the engine's create, which adds the clients column. */
export function postField(session: Session, profileId: number, field: NewField) {
  const body: Record<string, unknown> = {
    profile_id: profileId,
    key: field.key,
    type: field.type,
    label_es: field.label.es,
    label_en: field.label.en,
  }
  if (field.required !== undefined) body.required = field.required
  if (field.options) body.options = JSON.stringify(field.options)
  if (field.defaultValue !== undefined) body.default_value = field.defaultValue
  if (field.min !== undefined) body.min = field.min
  if (field.max !== undefined) body.max = field.max
  return session.post(FIELDS).json(body)
}

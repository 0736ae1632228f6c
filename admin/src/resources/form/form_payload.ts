import type { ResourceDescription, ResourceFieldDescription } from '../../meta/admin_meta'

/**
 * Fields a form may write: everything the engine does not keep to itself (nor, on edit, what is
 * fixed once created), optionally narrowed to `only` (in that order) and minus the fields a
 * caller fixes itself (a phone's client).
 */
export function editableFields(
  resource: ResourceDescription,
  only?: string[],
  fixed: Record<string, unknown> = {},
  action: 'create' | 'edit' = 'create'
): ResourceFieldDescription[] {
  const writable = resource.fields.filter(
    (field) => !field.readOnly && !(action === 'edit' && field.createOnly) && !(field.name in fixed)
  )
  if (!only) return writable
  return only
    .map((name) => writable.find((field) => field.name === name))
    .filter((field) => field !== undefined)
}

/** A new record starts from the defaults the resource declares. */
export function createDefaults(fields: ResourceFieldDescription[]) {
  const values: Record<string, unknown> = {}
  for (const field of fields) {
    if (field.defaultValue !== null && field.defaultValue !== undefined) {
      values[field.name] = field.defaultValue
    }
  }
  return values
}

/**
 * What is sent: the shown fields plus the fixed ones. On edit a cleared widget (undefined) must
 * clear the value, so it becomes null; on create it is left out and the column default applies.
 */
export function toPayload(
  fields: ResourceFieldDescription[],
  values: Record<string, unknown>,
  action: 'create' | 'edit',
  fixed: Record<string, unknown> = {}
) {
  const payload: Record<string, unknown> = { ...fixed }
  for (const field of fields) {
    const value = values[field.name]
    // An empty password box means "keep the current one", never "clear it".
    if (field.type === 'password' && !value) continue
    if (value === undefined) {
      if (action === 'edit') payload[field.name] = null
      continue
    }
    const isText = field.type === 'text' || field.type === 'textarea'
    payload[field.name] = value === '' && !isText ? null : value
  }
  return payload
}

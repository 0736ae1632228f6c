import type { ResourceDescription, ResourceFieldDescription } from '../../../meta/admin_meta'

/**
 * The engine refuses a bulk request naming more ids (bulkBody's MAX_BULK_IDS); the button says
 * so instead of sending a request bound to fail.
 */
export const MAX_BULK_IDS = 500

/**
 * Fields that mean something when one value is written on many records at once: not the primary
 * key, nothing the engine keeps to itself (read-only, timestamps), no unique field (a second
 * record would collide), no password, and no conditional field (a campaign's custom field exists
 * only on some of the selected records).
 */
export function bulkEditableFields(resource: ResourceDescription): ResourceFieldDescription[] {
  return resource.fields.filter(
    (field) =>
      field.name !== resource.primaryKey &&
      !field.readOnly &&
      !field.createOnly &&
      !field.unique &&
      field.type !== 'password' &&
      !field.condition
  )
}

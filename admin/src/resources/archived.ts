import type { CrudFilter } from '@refinedev/core'
import type { ResourceDescription } from '../meta/admin_meta'

/** The column an archivable resource's archived records have set (the engine's `archived_at`). */
export const ARCHIVED_FIELD = 'archived_at'

const ACTIVE: CrudFilter[] = [{ field: ARCHIVED_FIELD, operator: 'null', value: true }]
const NONE: CrudFilter[] = []

/**
 * The condition that keeps archived records out of a picker or a list: none for a resource that
 * is not archivable. (Archived records stay named wherever they are already used.)
 */
export function activeOnly(resource: Pick<ResourceDescription, 'archivable'> | undefined) {
  return resource?.archivable ? ACTIVE : NONE
}

/** Whether a record of an archivable resource is archived. */
export function isArchived(record: { archived_at?: unknown } | null | undefined) {
  return Boolean(record?.archived_at)
}

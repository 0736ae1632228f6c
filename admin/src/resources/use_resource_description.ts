import type { ResourceDescription } from '../meta/admin_meta'
import { useAdminMeta } from '../meta/meta_store'

/** The metadata of a resource the signed-in user may list, or null when there is none. */
export function useResourceDescription(name: string | undefined): ResourceDescription | null {
  const { meta } = useAdminMeta()
  if (!name) return null
  return meta?.resources.find((resource) => resource.name === name) ?? null
}

import type { ResourceAction, ResourceDescription } from '../meta/admin_meta'
import { useAdminMeta } from '../meta/meta_store'

/**
 * A resource's metadata and what the user may do with it; a resource the user may not even list
 * answers no to everything (its tab or section is then hidden).
 */
export function useResourceActions(name: string) {
  const { meta } = useAdminMeta()
  const resource: ResourceDescription | null =
    meta?.resources.find((candidate) => candidate.name === name) ?? null
  const can = (action: ResourceAction) => Boolean(resource?.actions[action])
  return { resource, can }
}

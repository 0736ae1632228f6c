import { useCustom } from '@refinedev/core'
import type { Profile } from './definitions'
import { CUSTOM_FIELDS_API } from './custom_fields_api'

const NO_PROFILES: Profile[] = []

/**
 * Every profile with its campaign ids and all its fields (active and retired), in the order
 * agents see them. One request serves both the list and a profile's own screen.
 */
export function useProfiles() {
  const { query, result } = useCustom<Profile[]>({
    url: `${CUSTOM_FIELDS_API}/profiles`,
    method: 'get',
    // A refusal (403 for agents) is the page itself, not a toast.
    errorNotification: false,
  })
  return {
    profiles: Array.isArray(result.data) ? result.data : NO_PROFILES,
    query,
    reload: () => query.refetch(),
  }
}

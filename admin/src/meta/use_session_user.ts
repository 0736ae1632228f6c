import type { SessionUser } from './admin_meta'
import { useAdminMeta } from './meta_store'

/** The signed-in user, once the shell has loaded its metadata. */
export function useSessionUser(): SessionUser | null {
  return useAdminMeta().meta?.user ?? null
}

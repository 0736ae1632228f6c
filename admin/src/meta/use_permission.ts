import { useAdminMeta } from './meta_store'

/**
 * Whether the signed-in user holds a permission (`tubolsillo.toggle`, `clients.export`…), as
 * `/api/meta` says, so a screen hides what the server would refuse (the server still checks).
 */
export function useHasPermission(key: string): boolean {
  return Boolean(useAdminMeta().meta?.permissions.includes(key))
}

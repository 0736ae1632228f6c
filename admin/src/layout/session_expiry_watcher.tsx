import { useInvalidateAuthStore } from '@refinedev/core'
import { useEffect } from 'react'
import { sessionExpiry } from '../api/session_expiry'

/**
 * When any call answers 401, re-run Refine's auth check instead of trusting its cached "signed
 * in" answer. The check fails, and `<Authenticated>` redirects to the login page with the current
 * URL in `?to=`, where the user returns after signing in again.
 */
export function SessionExpiryWatcher() {
  const invalidateAuthStore = useInvalidateAuthStore()

  useEffect(
    () =>
      sessionExpiry.subscribe(() => {
        void invalidateAuthStore()
      }),
    [invalidateAuthStore]
  )

  return null
}

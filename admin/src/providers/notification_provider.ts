import type { NotificationProvider } from '@refinedev/core'
import { useNotificationProvider } from '@refinedev/antd'
import { useMemo } from 'react'

/**
 * Refine's antd notifications, minus the login failure toast: the login page shows the
 * backend's message inline, next to the form, where the user is looking.
 */
const INLINE_NOTIFICATION_KEYS = new Set(['login-error'])

export function useTableroNotificationProvider(): NotificationProvider {
  const antdProvider = useNotificationProvider()
  return useMemo(
    () => ({
      open: (params) => {
        if (params.key && INLINE_NOTIFICATION_KEYS.has(params.key)) return
        antdProvider.open(params)
      },
      close: (key) => antdProvider.close(key),
    }),
    [antdProvider]
  )
}

import { useNotification } from '@refinedev/core'
import { isApiError } from '@tablero/admin'

/**
 * Runs one change (retire, restore, reorder…) and says how it went through the shell's
 * notifications: the success line (if any), or the backend's message when it refused. Resolves to
 * whether it worked, so callers can roll back an optimistic change.
 */
export function useActionFeedback() {
  const { open } = useNotification()
  return async (action: () => Promise<unknown>, success: string | null) => {
    try {
      await action()
      if (success) open?.({ type: 'success', message: success })
      return true
    } catch (error) {
      const text = isApiError(error) || error instanceof Error ? error.message : String(error)
      open?.({ type: 'error', message: text })
      return false
    }
  }
}

import { useNotification } from '@refinedev/core'
import { errorMessage } from './error_message'

/**
 * Runs one change that has no form (retire, restore, reorder, delete…) and says how it went
 * through the shell's notifications: the success line (if any), or why it was refused, in the
 * words `describe` gives (default: the error's own message). Resolves to whether it worked, so
 * callers can roll back an optimistic change.
 */
export function useActionFeedback(describe: (error: unknown) => string = errorMessage) {
  const { open } = useNotification()
  return async (action: () => Promise<unknown>, success: string | null) => {
    try {
      await action()
      if (success) open?.({ type: 'success', message: success })
      return true
    } catch (error) {
      open?.({ type: 'error', message: describe(error) })
      return false
    }
  }
}

import { useNotification } from '@refinedev/core'
import { errorText } from './error_texts'
import { useMessages } from './use_messages'

/**
 * Runs one change (deactivate, delete, "Quitar"…) and says how it went through the shell's
 * notifications: the success line, or why the backend refused (a 409 RESULT_IN_USE says to
 * deactivate instead). Resolves to whether it worked.
 */
export function useActionFeedback() {
  const t = useMessages()
  const { open } = useNotification()
  return async (action: () => Promise<unknown>, success: string) => {
    try {
      await action()
      open?.({ type: 'success', message: success })
      return true
    } catch (error) {
      open?.({ type: 'error', message: errorText(t, error) })
      return false
    }
  }
}

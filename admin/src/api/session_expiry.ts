/**
 * A tiny signal raised when any API call answers 401 after the session was established. The HTTP
 * client knows nothing about routing; the shell subscribes and sends the user to the login page,
 * remembering where they were.
 */
type SessionExpiryListener = () => void

const listeners = new Set<SessionExpiryListener>()

export const sessionExpiry = {
  subscribe(listener: SessionExpiryListener) {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
  notify() {
    for (const listener of listeners) listener()
  },
}

import { useHasPermission, useSessionUser } from '@tablero/admin'
import { useSubscription } from '@refinedev/core'
import { useEffect, useRef } from 'react'
import { useNavigate } from 'react-router'
import { clientInfoPath, newClientPath, noteScreenPop, type ScreenPopEvent } from './dialer_api'

/**
 * The screen-pop (issue 16) on any page: when the dialer puts a call through to this agent, the
 * server pushes `dialer.screen-pop` on the agent's channel and the browser opens that client's
 * Info tab, or a new client's form with the number filled in when it matches no client. Mounted
 * once in the shell (`shell.live`), so it is heard on the clients list, the agenda or a client's
 * page as on the console; only users who may work the dialer subscribe, and the server pushes
 * only to agents in the dialer (available or in a call).
 */
export default function ScreenPop() {
  const user = useSessionUser()
  const allowed = useHasPermission('dialer.work')
  const navigate = useNavigate()
  // useSubscription keeps the first handler it was given: read the latest navigate through a ref
  const go = useRef(navigate)
  useEffect(() => {
    go.current = navigate
  }, [navigate])

  useSubscription({
    channel: `users/${user?.id ?? 0}`,
    types: ['dialer.screen-pop'],
    enabled: Boolean(user) && allowed,
    onLiveEvent: (event) => {
      const pop = event.payload as unknown as ScreenPopEvent
      noteScreenPop(pop)
      go.current(pop.clientId ? clientInfoPath(pop.clientId) : newClientPath(pop.phone))
    },
  })
  return null
}

import { Slot, useHasPermission, useSessionUser } from '@tablero/admin'
import { PhoneOutlined } from '@ant-design/icons'
import { useSubscription } from '@refinedev/core'
import { Space, Tag } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { clientInfoPath, newClientPath, noteScreenPop, type ScreenPopEvent } from './dialer_api'
import { useMessages } from './use_messages'

/**
 * The screen-pop (issue 16), in the shell's header so it works on any page: when the dialer
 * puts a call through to this agent, the server pushes `dialer.screen-pop` on the agent's
 * channel and the browser opens that client's Info tab (or a new client's form with the number
 * filled in when it matches no client). The header keeps the caller's name and the client's
 * badges until the agent closes it or the next call pops.
 */
export default function ScreenPop() {
  const t = useMessages()
  const user = useSessionUser()
  const allowed = useHasPermission('dialer.work')
  const navigate = useNavigate()
  const [pop, setPop] = useState<ScreenPopEvent | null>(null)

  useSubscription({
    channel: `users/${user?.id ?? 0}`,
    types: ['dialer.screen-pop'],
    enabled: Boolean(user) && allowed,
    onLiveEvent: (event) => {
      const payload = event.payload as unknown as ScreenPopEvent
      noteScreenPop(payload)
      setPop(payload)
      navigate(payload.clientId ? clientInfoPath(payload.clientId) : newClientPath(payload.phone))
    },
  })

  if (!pop) return null
  return (
    <Space size={4} data-testid="dialer-screen-pop">
      <Tag color="blue" icon={<PhoneOutlined />} closable onClose={() => setPop(null)}>
        {t('pop.call', { name: pop.clientName || pop.phone })}
      </Tag>
      {pop.clientId ? (
        <Slot name="client.header.badges" props={{ client: { id: pop.clientId } }} />
      ) : null}
    </Space>
  )
}

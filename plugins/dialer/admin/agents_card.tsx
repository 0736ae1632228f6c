import { errorMessage, useSessionUser } from '@tablero/admin'
import { useSubscription } from '@refinedev/core'
import { Alert, Card, Table, Tag } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { dialerApi, type FloorAgent } from './dialer_api'
import { useMessages } from './use_messages'

/** How often the card asks again without a live notice (a dropped connection). */
const POLL_MS = 5000
const COLORS = {
  available: 'green',
  in_call: 'blue',
  wrap_up: 'orange',
  paused: 'default',
} as const

/** The supervisor's view of the floor: each agent's console state and the contact it works. */
export default function AgentsCard() {
  const t = useMessages()
  const [agents, setAgents] = useState<FloorAgent[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const user = useSessionUser()
  const pollNow = useRef<() => void>(() => {})

  // an agent changed state: the server's wallboard notice reads the floor at once
  useSubscription({
    channel: `users/${user?.id ?? 0}`,
    types: ['dialer.wallboard'],
    enabled: Boolean(user),
    onLiveEvent: () => pollNow.current(),
  })

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        const answer = await dialerApi.agents()
        if (!stopped) {
          setAgents(answer.data)
          setError(null)
        }
      } catch (caught) {
        if (!stopped) setError(errorMessage(caught))
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS)
    }
    pollNow.current = () => {
      clearTimeout(timer)
      void poll()
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [])

  return (
    <Card title={t('floor.title')} data-testid="dialer-agents">
      {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 12 }} />}
      <Table<FloorAgent>
        rowKey="userId"
        size="small"
        loading={agents === null && !error}
        dataSource={agents ?? []}
        pagination={false}
        locale={{ emptyText: t('floor.empty') }}
        columns={[
          { title: t('floor.agent'), dataIndex: 'name' },
          {
            title: t('floor.state'),
            dataIndex: 'state',
            render: (state: FloorAgent['state'], agent) => (
              <Tag color={COLORS[state]}>
                {state === 'paused'
                  ? t('state.paused', { reason: agent.pauseReason ?? '' })
                  : t(`state.${state}`)}
              </Tag>
            ),
          },
          { title: t('floor.contact'), dataIndex: 'contactId', render: (id) => id ?? '—' },
        ]}
      />
    </Card>
  )
}

import { CalendarOutlined } from '@ant-design/icons'
import { useSubscription } from '@refinedev/core'
import { useSessionUser } from '@tablero/admin'
import { Badge, Button } from 'antd'
import { useEffect, useReducer, useState } from 'react'
import { useNavigate } from 'react-router'
import { agendaApi, agendaChannel } from './agenda_api'
import { useAgendaMessages } from './agenda_messages'

/** setTimeout's ceiling (about 24 days): a later next event is re-read when that time comes. */
const LONGEST_WAIT = 2 ** 31 - 1

/**
 * The agent's due events in the header (own callbacks and its campaigns' shared queue whose
 * time has come). Re-read when the server says the agenda changed (its live channel, through
 * Refine's `liveProvider`) and when the next event comes due, never on a polling loop.
 */
export default function DueBadge() {
  const user = useSessionUser()
  const t = useAgendaMessages()
  const navigate = useNavigate()
  const agent = user?.role === 'agent'
  const [count, setCount] = useState<{ due: number; nextDueAt: string | null } | null>(null)
  const [version, reread] = useReducer((value: number) => value + 1, 0)

  useEffect(() => {
    if (!agent) return
    let current = true
    agendaApi
      .due()
      .then((answer) => current && setCount(answer.data))
      .catch(() => {})
    return () => {
      current = false
    }
  }, [agent, version])

  const nextDueAt = count?.nextDueAt
  useEffect(() => {
    if (!nextDueAt) return
    const wait = Math.min(
      Math.max(new Date(nextDueAt).getTime() - Date.now(), 0) + 1000,
      LONGEST_WAIT
    )
    const timer = setTimeout(reread, wait)
    return () => clearTimeout(timer)
  }, [nextDueAt])

  useSubscription({
    channel: agendaChannel(user?.id ?? 0),
    types: ['agenda.changed'],
    enabled: agent,
    onLiveEvent: () => reread(),
  })

  if (!agent) return null
  const due = count?.due ?? 0
  return (
    <span data-testid="agenda-due-count" data-due={count === null ? '' : String(due)}>
      <Badge count={due} showZero={false} size="small">
        <Button
          icon={<CalendarOutlined />}
          onClick={() => navigate('/agenda')}
          aria-label={t('agenda.dueBadge')}
        >
          {t('agenda.due')}
        </Button>
      </Badge>
    </span>
  )
}

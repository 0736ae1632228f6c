import { errorMessage, useCountFormat, useSessionUser } from '@tablero/admin'
import { useSubscription } from '@refinedev/core'
import { Alert, Card, Space, Table, Tag } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { dialerApi, type CampaignBoard } from './dialer_api'
import { useMessages } from './use_messages'

/** The fallback poll, for a browser whose live connection dropped. */
const POLL_MS = 15_000
const STATE_COLORS = {
  available: 'green',
  in_call: 'blue',
  wrap_up: 'orange',
  paused: 'default',
} as const
const STATUSES = ['new', 'claimed', 'recall', 'callback', 'dnc', 'done'] as const

/**
 * The supervisor's live wallboard (issue 16): per dialer campaign, agents by state, calls in
 * progress, hopper depth, contacts by status and the abandon rate. The server pushes
 * `dialer.wallboard` on the supervisor's channel when a campaign moves, and the card reads
 * the board again; a slow poll covers a dropped connection.
 */
export default function WallboardCard() {
  const t = useMessages()
  const count = useCountFormat()
  const user = useSessionUser()
  const [boards, setBoards] = useState<CampaignBoard[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const readNow = useRef<() => void>(() => {})

  // a campaign moved: the server's notice reads the board at once
  useSubscription({
    channel: `users/${user?.id ?? 0}`,
    types: ['dialer.wallboard'],
    enabled: Boolean(user),
    onLiveEvent: () => readNow.current(),
  })

  useEffect(() => {
    let stopped = false
    let reading = false
    let again = false
    let timer: ReturnType<typeof setTimeout> | undefined
    // one read at a time; a notice heard meanwhile reads once more after it
    const read = async () => {
      if (reading) {
        again = true
        return
      }
      reading = true
      clearTimeout(timer)
      try {
        do {
          again = false
          const answer = await dialerApi.wallboard()
          if (stopped) return
          setBoards(answer.data)
          setError(null)
        } while (again)
      } catch (caught) {
        if (!stopped) setError(errorMessage(caught))
      } finally {
        reading = false
        if (!stopped) timer = setTimeout(() => void read(), POLL_MS)
      }
    }
    readNow.current = () => void read()
    void read()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [])

  return (
    <Card title={t('board.title')} data-testid="dialer-wallboard">
      {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 12 }} />}
      <Table<CampaignBoard>
        rowKey="campaignId"
        size="small"
        loading={boards === null && !error}
        dataSource={boards ?? []}
        pagination={false}
        locale={{ emptyText: t('board.empty') }}
        columns={[
          { title: t('board.campaign'), dataIndex: 'name' },
          {
            title: t('board.mode'),
            dataIndex: 'mode',
            render: (mode: CampaignBoard['mode']) => t(`mode.${mode}`),
          },
          {
            title: t('board.agents'),
            render: (_, board) => (
              <Space size={4} wrap data-testid="board-agents">
                {(Object.keys(STATE_COLORS) as Array<keyof typeof STATE_COLORS>).map((state) => (
                  <Tag key={state} color={STATE_COLORS[state]}>
                    {t(`board.${state}`)} {count(board.agents[state])}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('board.calls'),
            render: (_, board) => (
              <span data-testid="board-calls">
                {t('board.callsValue', {
                  connected: count(board.calls.connected),
                  dialing: count(board.calls.dialing),
                })}
              </span>
            ),
          },
          { title: t('board.hopper'), dataIndex: 'hopperDepth', render: (value) => count(value) },
          {
            title: t('board.contacts'),
            render: (_, board) => (
              <Space size={4} wrap data-testid="board-contacts">
                {STATUSES.filter((status) => board.contacts[status]).map((status) => (
                  <Tag key={status}>
                    {t(`status.${status}`)} {count(board.contacts[status])}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('board.abandon'),
            render: (_, board) => (
              <span data-testid="board-abandon">
                {t('board.abandonValue', {
                  rate: (board.abandonRate * 100).toFixed(1),
                  abandoned: count(board.abandoned),
                  answered: count(board.answered),
                })}
              </span>
            ),
          },
        ]}
      />
    </Card>
  )
}

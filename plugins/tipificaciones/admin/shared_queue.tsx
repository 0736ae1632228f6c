import { ClientBadges, useActionFeedback } from '@tablero/admin'
import { Button, Card, List, Space, Typography } from 'antd'
import { useEffect, useReducer, useState } from 'react'
import { agendaApi, type AgendaEvent } from './agenda_api'
import { useAgendaMessages } from './agenda_messages'
import { agendaErrorText } from './agenda_save'
import { useUserTime } from './user_time'

/**
 * The campaign's shared queue (15.4): due callbacks recorded without "Para mí", which any agent
 * of the campaign takes. Taking is atomic on the server: a late agent is told another took it.
 */
export function SharedQueue({ version, onTaken }: { version: number; onTaken: () => void }) {
  const t = useAgendaMessages()
  const time = useUserTime()
  const runAction = useActionFeedback((error) => agendaErrorText(t, error))
  const [entries, setEntries] = useState<AgendaEvent[]>([])
  const [loading, setLoading] = useState(true)

  const [reads, reread] = useReducer((value: number) => value + 1, 0)

  useEffect(() => {
    let current = true
    agendaApi
      .queue()
      .then((answer) => current && setEntries(answer.data))
      .catch(() => current && setEntries([]))
      .finally(() => current && setLoading(false))
    return () => {
      current = false
    }
  }, [version, reads])

  const take = async (entry: AgendaEvent) => {
    await runAction(() => agendaApi.claim(entry.id), t('agenda.takenByYou'))
    reread()
    onTaken()
  }

  return (
    <Card size="small" title={t('agenda.queue')} data-testid="agenda-queue">
      <Typography.Paragraph type="secondary">{t('agenda.queueHelp')}</Typography.Paragraph>
      <List
        size="small"
        loading={loading}
        dataSource={entries}
        locale={{ emptyText: t('agenda.queueEmpty') }}
        renderItem={(entry) => (
          <List.Item
            data-testid={`queue-entry-${entry.id}`}
            actions={[
              <Button
                key="take"
                type="primary"
                size="small"
                onClick={() => take(entry)}
                data-testid={`queue-take-${entry.id}`}
              >
                {t('agenda.take')}
              </Button>,
            ]}
          >
            <Space direction="vertical" size={0}>
              <Space size={4} wrap>
                <Typography.Text strong>{entry.clientName}</Typography.Text>
                <ClientBadges clientId={entry.clientId} />
              </Space>
              <Typography.Text type="secondary">{time.format(entry.dueAt)}</Typography.Text>
              <Typography.Text type="secondary">
                {entry.phone} · {entry.campaignName}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  )
}

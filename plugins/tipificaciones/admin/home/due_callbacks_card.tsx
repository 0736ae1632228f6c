import { ScheduleOutlined } from '@ant-design/icons'
import { ApiErrorResult, type HomeWidgetProps, useResourceList } from '@tablero/admin'
import { Card, List, Space, Tag, Typography } from 'antd'
import type { PendingCallback } from '../definitions'
import { useUserTime } from '../user_time'
import { useHomeMessages } from './home_messages'
import { useLocalDay } from './local_day'
import { RowValue } from './row_value'

const SHOWN = 8

/**
 * The agent's callbacks due today, the overdue ones first and marked (seed 001: "la agenda
 * propia del agente"): whom to call back before the day ends.
 */
export default function DueCallbacksCard({ user }: HomeWidgetProps) {
  const t = useHomeMessages()
  const time = useUserTime()
  const today = useLocalDay(user)
  const { records, total, query, reload } = useResourceList<PendingCallback>('tip_callbacks', {
    filters: [
      { field: 'user_id', operator: 'eq', value: user.id },
      { field: 'status', operator: 'eq', value: 'pending' },
      { field: 'due_at', operator: 'lt', value: today.end },
    ],
    sorters: [{ field: 'due_at', order: 'asc' }],
    pagination: { currentPage: 1, pageSize: SHOWN },
  })
  return (
    <Card
      title={
        <Space>
          <ScheduleOutlined />
          {t('dueToday.title')}
          <Tag data-testid="home-due-callbacks-count">{total}</Tag>
        </Space>
      }
      data-testid="home-due-callbacks"
    >
      {query.isError ? (
        <ApiErrorResult error={query.error} onRetry={() => void reload()} />
      ) : (
        <List<PendingCallback>
          size="small"
          loading={query.isLoading}
          dataSource={records}
          locale={{ emptyText: t('dueToday.empty') }}
          renderItem={(row) => {
            const overdue = row.due_at !== null && row.due_at < today.now
            return (
              <List.Item data-testid="home-due-callback">
                <Space direction="vertical" size={0}>
                  <RowValue resource="tip_callbacks" name="client_id" value={row.client_id} />
                  <Typography.Text type="secondary">{row.phone}</Typography.Text>
                </Space>
                <Space size={4}>
                  <Typography.Text type={overdue ? 'danger' : undefined}>
                    {time.format(row.due_at)}
                  </Typography.Text>
                  {overdue && <Tag color="red">{t('dueToday.overdue')}</Tag>}
                </Space>
              </List.Item>
            )
          }}
          footer={
            total > SHOWN ? (
              <Typography.Text type="secondary">
                {t('dueToday.more', { count: total - SHOWN })}
              </Typography.Text>
            ) : undefined
          }
        />
      )}
    </Card>
  )
}

import { ScheduleOutlined } from '@ant-design/icons'
import type { CrudFilter } from '@refinedev/core'
import { ApiErrorResult, type HomeWidgetProps, useResourceList } from '@tablero/admin'
import { Card, Col, List, Row, Space, Statistic, Typography } from 'antd'
import { Link } from 'react-router'
import type { PendingCallback } from '../definitions'
import { useUserTime } from '../user_time'
import { useHomeMessages } from './home_messages'
import { useLocalDay } from './local_day'
import { RowValue } from './row_value'

const PENDING: CrudFilter = { field: 'status', operator: 'eq', value: 'pending' }
const SHOWN = 5

/** A count of pending callbacks under some conditions (the list's total, one row asked). */
function useCallbackCount(filters: CrudFilter[]) {
  const { total, query } = useResourceList('tip_callbacks', {
    filters: [PENDING, ...filters],
    pagination: { currentPage: 1, pageSize: 1 },
  })
  return { total, loading: query.isLoading }
}

/**
 * The team's callbacks (seed 001, Agenda del Supervisor): how many are overdue, how many fall
 * due later today, how many wait in the shared queue for any agent, and the most overdue ones
 * with who should call them.
 */
export default function CallbacksOverviewCard({ user }: HomeWidgetProps) {
  const t = useHomeMessages()
  const time = useUserTime()
  const today = useLocalDay(user)
  const overdue = useResourceList<PendingCallback>('tip_callbacks', {
    filters: [PENDING, { field: 'due_at', operator: 'lt', value: today.now }],
    sorters: [{ field: 'due_at', order: 'asc' }],
    pagination: { currentPage: 1, pageSize: SHOWN },
  })
  const dueToday = useCallbackCount([
    { field: 'due_at', operator: 'gte', value: today.now },
    { field: 'due_at', operator: 'lt', value: today.end },
  ])
  const queue = useCallbackCount([{ field: 'user_id', operator: 'null', value: true }])
  const figures = [
    { key: 'overdue', title: t('callbacks.overdue'), value: overdue.total, danger: true },
    { key: 'due-today', title: t('callbacks.dueToday'), value: dueToday.total, danger: false },
    { key: 'queue', title: t('callbacks.queue'), value: queue.total, danger: false },
  ]
  return (
    <Card
      title={
        <Space>
          <ScheduleOutlined />
          {t('callbacks.title')}
        </Space>
      }
      extra={<Link to="/r/tip_callbacks">{t('common.open')}</Link>}
      data-testid="home-callbacks-overview"
    >
      {overdue.query.isError ? (
        <ApiErrorResult error={overdue.query.error} onRetry={() => void overdue.reload()} />
      ) : (
        <>
          <Row gutter={16}>
            {figures.map((figure) => (
              <Col span={8} key={figure.key}>
                <Statistic
                  title={figure.title}
                  value={figure.value}
                  loading={overdue.query.isLoading || dueToday.loading || queue.loading}
                  valueStyle={figure.danger && figure.value > 0 ? { color: '#cf1322' } : undefined}
                  valueRender={(node) => (
                    <span data-testid={`home-callbacks-${figure.key}`}>{node}</span>
                  )}
                />
              </Col>
            ))}
          </Row>
          <List<PendingCallback>
            size="small"
            header={<Typography.Text strong>{t('callbacks.next')}</Typography.Text>}
            dataSource={overdue.records}
            locale={{ emptyText: t('callbacks.empty') }}
            renderItem={(row) => (
              <List.Item data-testid="home-overdue-callback">
                <Space direction="vertical" size={0}>
                  <RowValue resource="tip_callbacks" name="client_id" value={row.client_id} />
                  <Typography.Text type="secondary">
                    {row.user_id === null ? (
                      t('callbacks.unassigned')
                    ) : (
                      <RowValue resource="tip_callbacks" name="user_id" value={row.user_id} />
                    )}
                  </Typography.Text>
                </Space>
                <Typography.Text type="danger">{time.format(row.due_at)}</Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  )
}

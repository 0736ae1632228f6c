import { HistoryOutlined } from '@ant-design/icons'
import { ApiErrorResult, type HomeWidgetProps, useResourceList } from '@tablero/admin'
import { Card, List, Space, Typography } from 'antd'
import type { GestionRecord } from '../definitions'
import { useUserTime } from '../user_time'
import { useHomeMessages } from './home_messages'
import { RowValue } from './row_value'

const SHOWN = 8

/** The agent's last gestiones, newest first: where the day left off. */
export default function RecentGestionesCard({ user }: HomeWidgetProps) {
  const t = useHomeMessages()
  const time = useUserTime()
  const { records, query, reload } = useResourceList<GestionRecord>('tip_gestiones', {
    filters: [{ field: 'user_id', operator: 'eq', value: user.id }],
    sorters: [{ field: 'created_at', order: 'desc' }],
    pagination: { currentPage: 1, pageSize: SHOWN },
  })
  return (
    <Card
      title={
        <Space>
          <HistoryOutlined />
          {t('recent.title')}
        </Space>
      }
      data-testid="home-recent-gestiones"
    >
      {query.isError ? (
        <ApiErrorResult error={query.error} onRetry={() => void reload()} />
      ) : (
        <List<GestionRecord>
          size="small"
          loading={query.isLoading}
          dataSource={records}
          locale={{ emptyText: t('recent.empty') }}
          renderItem={(row) => (
            <List.Item data-testid="home-recent-gestion">
              <Space direction="vertical" size={0}>
                <RowValue resource="tip_gestiones" name="client_id" value={row.client_id} />
                <Typography.Text type="secondary">{row.result_path}</Typography.Text>
              </Space>
              <Typography.Text type="secondary">{time.format(row.created_at)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}

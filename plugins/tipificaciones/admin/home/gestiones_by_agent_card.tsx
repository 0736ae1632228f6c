import { TeamOutlined } from '@ant-design/icons'
import { useCustom } from '@refinedev/core'
import { ApiErrorResult, type HomeWidgetProps } from '@tablero/admin'
import { Card, List, Progress, Space, Statistic, Typography } from 'antd'
import type { Stats } from '../definitions'
import { TIPIFICACIONES_API } from '../tipificaciones_api'
import { useShellLanguage } from '../file_transfer'
import { useHomeMessages } from './home_messages'
import { useLocalDay } from './local_day'

/**
 * The supervisor's day (seed 001, Estadísticas): how many gestiones each agent recorded today,
 * today being the supervisor's calendar day in their own time zone.
 */
export default function GestionesByAgentCard({ user }: HomeWidgetProps) {
  const t = useHomeMessages()
  const language = useShellLanguage()
  const today = useLocalDay(user)
  const { query } = useCustom<Stats>({
    url: `${TIPIFICACIONES_API}/stats`,
    method: 'get',
    config: { query: { from: today.day, to: today.day } },
    queryOptions: { refetchOnWindowFocus: false },
    errorNotification: false,
  })
  // Not `result.data`: Refine gives an empty object until the answer arrives.
  const stats = query.data?.data
  const most = Math.max(1, ...(stats?.byAgent ?? []).map((row) => row.total))
  const number = new Intl.NumberFormat(language)
  return (
    <Card
      title={
        <Space>
          <TeamOutlined />
          {t('byAgent.title')}
        </Space>
      }
      extra={
        stats && (
          <Statistic
            value={stats.totalGestiones}
            formatter={(value) => number.format(Number(value))}
            valueStyle={{ fontSize: 18 }}
            valueRender={(node) => <span data-testid="home-gestiones-today-total">{node}</span>}
          />
        )
      }
      data-testid="home-gestiones-by-agent"
    >
      {query.isError ? (
        <ApiErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <List
          size="small"
          loading={!stats}
          dataSource={stats?.byAgent ?? []}
          rowKey={(row) => String(row.userId)}
          locale={{ emptyText: t('byAgent.empty') }}
          renderItem={(row) => (
            <List.Item data-testid="home-agent-row">
              <Typography.Text style={{ width: '45%' }} ellipsis>
                {row.name ?? t('byAgent.nobody')}
              </Typography.Text>
              <Progress
                percent={(row.total / most) * 100}
                format={() => number.format(row.total)}
                style={{ width: '50%', margin: 0 }}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}

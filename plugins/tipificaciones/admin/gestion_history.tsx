import { ApiErrorResult } from '@tablero/admin'
import { Space, Table, Tag, Typography } from 'antd'
import type { Gestion } from './definitions'
import { useMessages } from './use_messages'
import { useUserTime } from './user_time'
import type { useClientGestiones } from './use_gestiones'

/** Every gestión recorded for the client, newest first (T7, seed 001 "la lista de abajo"). */
export function GestionHistory({ history }: { history: ReturnType<typeof useClientGestiones> }) {
  const t = useMessages()
  const time = useUserTime()
  if (history.query.isError) {
    return <ApiErrorResult error={history.query.error} onRetry={() => history.reload()} />
  }
  return (
    <Table<Gestion>
      size="small"
      rowKey="id"
      data-testid="gestion-history"
      title={() => <Typography.Text strong>{t('history.title')}</Typography.Text>}
      dataSource={history.gestiones}
      loading={history.query.isFetching}
      pagination={history.gestiones.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText: t('history.empty') }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('history.date'),
          key: 'date',
          render: (_, row) => time.format(row.createdAt),
        },
        {
          title: t('history.result'),
          key: 'result',
          render: (_, row) => (
            <Space direction="vertical" size={0}>
              <span>{row.resultPath}</span>
              <Typography.Text type="secondary">{row.campaign.name}</Typography.Text>
            </Space>
          ),
        },
        {
          title: t('history.notes'),
          key: 'notes',
          render: (_, row) => (
            <Typography.Paragraph
              style={{ margin: 0, maxWidth: 280 }}
              ellipsis={{ rows: 2, tooltip: row.notes }}
            >
              {row.notes}
            </Typography.Paragraph>
          ),
        },
        {
          title: t('history.callback'),
          key: 'callback',
          render: (_, row) =>
            row.callbackAt && (
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <span>{time.format(row.callbackAt)}</span>
                  {row.forMe && <Tag color="purple">{t('gestion.forMe')}</Tag>}
                </Space>
                {row.alternatePhone && (
                  <Typography.Text type="secondary">{row.alternatePhone}</Typography.Text>
                )}
              </Space>
            ),
        },
        { title: t('history.user'), key: 'user', render: (_, row) => row.user?.name ?? '—' },
      ]}
    />
  )
}

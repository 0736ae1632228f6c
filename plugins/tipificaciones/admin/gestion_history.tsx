import { ApiErrorResult, FieldValue, useResourceDescription } from '@tablero/admin'
import { Space, Table, Tag, Typography } from 'antd'
import type { GestionRecord } from './definitions'
import { useMessages } from './use_messages'
import { useUserTime } from './user_time'
import { HISTORY_PAGE, type useClientGestiones } from './use_gestiones'

/**
 * A value of a `tip_gestiones` row shown as the generated screens show it (the campaign and the
 * agent by their names); the bare value if the resource is not described to this user.
 */
function GestionValue({ name, row }: { name: keyof GestionRecord; row: GestionRecord }) {
  const description = useResourceDescription('tip_gestiones')
  const field = description?.fields.find((candidate) => candidate.name === name)
  return field ? <FieldValue field={field} value={row[name]} /> : <>{String(row[name] ?? '—')}</>
}

/** Every gestión recorded for the client, newest first (T7, seed 001 "la lista de abajo"). */
export function GestionHistory({ history }: { history: ReturnType<typeof useClientGestiones> }) {
  const t = useMessages()
  const time = useUserTime()
  if (history.query.isError) {
    return <ApiErrorResult error={history.query.error} onRetry={() => history.reload()} />
  }
  return (
    <Table<GestionRecord>
      size="small"
      rowKey="id"
      data-testid="gestion-history"
      title={() => <Typography.Text strong>{t('history.title')}</Typography.Text>}
      dataSource={history.gestiones}
      loading={history.query.isFetching}
      pagination={
        history.total > HISTORY_PAGE && {
          current: history.page,
          pageSize: HISTORY_PAGE,
          total: history.total,
          size: 'small',
          showSizeChanger: false,
          onChange: history.setPage,
        }
      }
      locale={{ emptyText: t('history.empty') }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('history.date'),
          key: 'date',
          render: (_, row) => time.format(row.created_at),
        },
        {
          title: t('history.result'),
          key: 'result',
          render: (_, row) => (
            <Space direction="vertical" size={0}>
              <span>{row.result_path}</span>
              <Typography.Text type="secondary">
                <GestionValue name="campaign_id" row={row} />
              </Typography.Text>
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
            row.callback_at && (
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <span>{time.format(row.callback_at)}</span>
                  {row.for_me && <Tag color="purple">{t('gestion.forMe')}</Tag>}
                </Space>
                {row.alternate_phone && (
                  <Typography.Text type="secondary">{row.alternate_phone}</Typography.Text>
                )}
              </Space>
            ),
        },
        {
          title: t('history.user'),
          key: 'user',
          render: (_, row) => (row.user_id ? <GestionValue name="user_id" row={row} /> : '—'),
        },
      ]}
    />
  )
}

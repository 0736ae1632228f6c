import { errorText } from './error_texts'
import { ApiErrorResult, useActionFeedback } from '@tablero/admin'
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import type { PendingCallback } from './definitions'
import { tipificacionesApi } from './tipificaciones_api'
import type { useMyCallbacks } from './use_gestiones'
import { useMessages } from './use_messages'
import { useUserTime } from './user_time'

/** Where the client page lives (the shell's client screen). */
export const clientPagePath = (id: number) => `/r/clients/${id}`

/**
 * The agent's pending callbacks, soonest first, each with "Quitar" (T7, seed 001 "a la derecha
 * se muestran todas las gestiones agendadas del agente").
 */
export function MyCallbacks({ callbacks }: { callbacks: ReturnType<typeof useMyCallbacks> }) {
  const t = useMessages()
  const time = useUserTime()
  const runAction = useActionFeedback((error) => errorText(t, error))
  // "Overdue" is judged when the list is shown; it is re-read after every change anyway.
  const [now] = useState(() => Date.now())
  if (callbacks.query.isError) {
    return <ApiErrorResult error={callbacks.query.error} onRetry={() => callbacks.reload()} />
  }
  const remove = (callback: PendingCallback) =>
    runAction(() => tipificacionesApi.removeCallback(callback.id), t('callbacks.removed')).then(
      callbacks.reload
    )

  return (
    <Table<PendingCallback>
      size="small"
      rowKey="id"
      data-testid="my-callbacks"
      title={() => <Typography.Text strong>{t('callbacks.title')}</Typography.Text>}
      dataSource={callbacks.callbacks}
      loading={callbacks.query.isFetching}
      pagination={callbacks.callbacks.length > 8 ? { pageSize: 8, size: 'small' } : false}
      locale={{ emptyText: t('callbacks.empty') }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('callbacks.due'),
          key: 'due',
          render: (_, row) => {
            const overdue = row.dueAt !== null && new Date(row.dueAt).getTime() < now
            return (
              <Space size={4}>
                <Typography.Text type={overdue ? 'danger' : undefined}>
                  {time.format(row.dueAt)}
                </Typography.Text>
                {overdue && <Tag color="red">{t('callbacks.overdue')}</Tag>}
              </Space>
            )
          },
        },
        {
          title: t('callbacks.client'),
          key: 'client',
          render: (_, row) => (
            <Space direction="vertical" size={0}>
              <Link to={clientPagePath(row.client.id)}>{row.client.name}</Link>
              <Typography.Text type="secondary">{row.phone}</Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 200 }}>
                {row.campaign.name}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('callbacks.remove'),
          key: 'remove',
          render: (_, row) => (
            <Popconfirm
              title={t('callbacks.removeTitle', { name: row.client.name })}
              okText={t('callbacks.remove')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => remove(row)}
            >
              <Button size="small" danger data-testid={`callback-remove-${row.id}`}>
                {t('callbacks.remove')}
              </Button>
            </Popconfirm>
          ),
        },
      ]}
    />
  )
}

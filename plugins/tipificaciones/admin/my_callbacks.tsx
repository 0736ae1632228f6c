import { errorText } from './error_texts'
import {
  ApiErrorResult,
  FieldValue,
  useActionFeedback,
  useResourceDescription,
} from '@tablero/admin'
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { PendingCallback } from './definitions'
import { tipificacionesApi } from './tipificaciones_api'
import { CALLBACKS_PAGE, type useMyCallbacks } from './use_gestiones'
import { useMessages } from './use_messages'
import { useUserTime } from './user_time'

/**
 * A value of a `tip_callbacks` row shown as the generated screens show it (the client by its
 * name, linked to its page); the bare value if the resource is not described to this user.
 */
function CallbackValue({ name, row }: { name: keyof PendingCallback; row: PendingCallback }) {
  const description = useResourceDescription('tip_callbacks')
  const field = description?.fields.find((candidate) => candidate.name === name)
  return field ? <FieldValue field={field} value={row[name]} /> : <>{row[name]}</>
}

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
  // "Quitar" is the engine's update of the callback by the plugin's permission (the row stays, as
  // removed), asked through the plugin's endpoint: no role holds the generic update.
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
      pagination={
        callbacks.total > CALLBACKS_PAGE && {
          current: callbacks.page,
          pageSize: CALLBACKS_PAGE,
          total: callbacks.total,
          size: 'small',
          showSizeChanger: false,
          onChange: callbacks.setPage,
        }
      }
      locale={{ emptyText: t('callbacks.empty') }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('callbacks.due'),
          key: 'due',
          render: (_, row) => {
            const overdue = row.due_at !== null && new Date(row.due_at).getTime() < now
            return (
              <Space size={4}>
                <Typography.Text type={overdue ? 'danger' : undefined}>
                  {time.format(row.due_at)}
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
              <CallbackValue name="client_id" row={row} />
              <Typography.Text type="secondary">{row.phone}</Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 200 }}>
                <CallbackValue name="campaign_id" row={row} />
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('callbacks.remove'),
          key: 'remove',
          render: (_, row) => (
            <Popconfirm
              title={t('callbacks.removeTitle')}
              description={
                <Space direction="vertical" size={0}>
                  <CallbackValue name="client_id" row={row} />
                  <Typography.Text type="secondary">{row.phone}</Typography.Text>
                </Space>
              }
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

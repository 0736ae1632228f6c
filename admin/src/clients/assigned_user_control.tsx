import { UserOutlined } from '@ant-design/icons'
import { useUpdate, type BaseKey } from '@refinedev/core'
import { Button, Popconfirm, Popover, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useSessionUser } from '../meta/use_session_user'
import { RelationValue } from '../resources/fields/relation_value'
import { RelationSelect } from '../resources/form/relation_select'
import { resourcePaths } from '../resources/resource_paths'
import type { ClientRecord } from './client_record'

const USERS = { resource: 'users', labelField: 'full_name' }

/**
 * The client's assigned user (C11). Only an administrator or the assigned user may change or
 * remove it; everybody else just reads it (the server enforces the same rule).
 */
export function AssignedUserControl({
  client,
  canUpdate,
}: {
  client: ClientRecord
  canUpdate: boolean
}) {
  const { t } = useTranslation()
  const user = useSessionUser()
  const [open, setOpen] = useState(false)
  const [choice, setChoice] = useState<BaseKey | null>(null)
  const navigate = useNavigate()
  const { mutate, mutation } = useUpdate()
  const mayChange =
    canUpdate && (user?.role === 'admin' || String(client.assigned_user_id) === String(user?.id))

  const assign = (userId: BaseKey | null) =>
    mutate(
      {
        resource: 'clients',
        id: client.id,
        values: { assigned_user_id: userId },
        successNotification: () => ({
          type: 'success',
          message: t(userId === null ? 'clients.assigned.removed' : 'clients.assigned.changed'),
        }),
        errorNotification: (error) => ({
          type: 'error',
          message: t('clients.assigned.failed'),
          description: error?.message,
        }),
      },
      {
        onSuccess: () => {
          setOpen(false)
          // An agent sees only its own clients: one handed to someone else is gone from view.
          if (user?.role === 'agent' && String(userId) !== String(user.id)) {
            navigate(resourcePaths('clients').list)
          }
        },
      }
    )

  const picker = (
    <Space direction="vertical" style={{ width: 260 }}>
      <RelationSelect
        relation={USERS}
        value={choice}
        onChange={(value) => setChoice(value as BaseKey | null)}
        data-testid="assigned-user-select"
      />
      <Button
        type="primary"
        block
        disabled={choice === null}
        loading={mutation.isPending}
        data-testid="assigned-user-save"
        onClick={() => assign(choice)}
      >
        {t('clients.assigned.assign')}
      </Button>
    </Space>
  )

  return (
    <Space size={4} data-testid="assigned-user">
      <UserOutlined />
      <Typography.Text type="secondary">{t('clients.assigned.label')}:</Typography.Text>
      {client.assigned_user_id ? (
        <span data-testid="assigned-user-name">
          <RelationValue relation={USERS} id={client.assigned_user_id} />
        </span>
      ) : (
        <Typography.Text type="secondary" data-testid="assigned-user-name">
          {t('clients.assigned.nobody')}
        </Typography.Text>
      )}
      {mayChange && (
        <>
          <Popover
            trigger="click"
            open={open}
            onOpenChange={setOpen}
            title={t('clients.assigned.changeTitle')}
            content={picker}
          >
            <Button type="link" size="small" data-testid="assigned-user-change">
              {t('clients.assigned.change')}
            </Button>
          </Popover>
          {client.assigned_user_id && (
            <Popconfirm
              title={t('clients.assigned.removeConfirm')}
              okText={t('clients.assigned.remove')}
              cancelText={t('buttons.cancel')}
              onConfirm={() => assign(null)}
            >
              <Button type="link" size="small" danger data-testid="assigned-user-remove">
                {t('clients.assigned.remove')}
              </Button>
            </Popconfirm>
          )}
        </>
      )}
    </Space>
  )
}

import { CanAccess, useCustom, useCustomMutation } from '@refinedev/core'
import { Button, Card, Checkbox, Modal, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalize, type LocalizedText } from '../../i18n/localized_text'
import { metaStore } from '../../meta/meta_store'
import { ApiErrorResult } from '../errors/api_error_result'
import { ForbiddenPage } from '../errors/forbidden_page'

type Role = 'admin' | 'supervisor' | 'agent'
const EDITABLE: Role[] = ['supervisor', 'agent']

interface Cell {
  granted: boolean
  default: boolean
  locked: boolean
}

interface MatrixPermission {
  key: string
  label: LocalizedText
  roles: Record<Role, Cell>
}

interface MatrixGroup {
  id: string
  kind: 'core' | 'plugin' | 'resource'
  name: string
  label: LocalizedText
  enabled: boolean
  permissions: MatrixPermission[]
}

interface Row {
  key: string
  group?: MatrixGroup
  permission?: MatrixPermission
}

/** `role|key` → granted, for the cells the admin changed and has not saved. */
type Pending = Map<string, boolean>

/**
 * The role × permission matrix (admins only): rows grouped by the core, each plugin and each
 * resource; a checkbox per role (the admin's column is locked, always granted); cells that differ
 * from the default are marked. Save asks for confirmation listing the changes.
 */
function PermissionMatrix() {
  const { t } = useTranslation()
  const localize = useLocalize()
  const [pending, setPending] = useState<Pending>(new Map())
  const { query, result } = useCustom<any>({
    url: '/api/permissions',
    method: 'get',
    errorNotification: false,
  })
  const { mutate, mutation } = useCustomMutation()
  const groups = useMemo<MatrixGroup[]>(
    () => (Array.isArray(result.data?.groups) ? result.data.groups : []),
    [result.data]
  )
  const labels = useMemo(() => {
    const byKey = new Map<string, string>()
    for (const group of groups) {
      for (const permission of group.permissions) {
        byKey.set(permission.key, `${localize(group.label)} · ${localize(permission.label)}`)
      }
    }
    return byKey
  }, [groups, localize])

  if (query.isError) return <ApiErrorResult error={query.error} onRetry={() => query.refetch()} />

  const rows: Row[] = groups.flatMap((group) => [
    { key: `group:${group.id}`, group },
    ...group.permissions.map((permission) => ({ key: permission.key, permission })),
  ])

  const granted = (permission: MatrixPermission, role: Role) =>
    pending.get(`${role}|${permission.key}`) ?? permission.roles[role].granted

  const toggle = (permission: MatrixPermission, role: Role, value: boolean) => {
    const next = new Map(pending)
    const id = `${role}|${permission.key}`
    if (value === permission.roles[role].granted) next.delete(id)
    else next.set(id, value)
    setPending(next)
  }

  const afterSave = () => {
    setPending(new Map())
    void query.refetch()
    metaStore.reload().catch(() => {})
  }

  const changes = [...pending].map(([id, value]) => {
    const [role, permission] = id.split('|')
    return { role, permission, granted: value }
  })

  const save = () =>
    Modal.confirm({
      title: t('permissions.confirmTitle', { count: changes.length }),
      content: (
        <ul data-testid="permission-changes">
          {changes.map((change) => (
            <li key={`${change.role}|${change.permission}`}>
              {t(change.granted ? 'permissions.grant' : 'permissions.revoke', {
                permission: labels.get(change.permission) ?? change.permission,
                role: t(`roles.${change.role}`),
              })}
            </li>
          ))}
        </ul>
      ),
      okText: t('permissions.save'),
      cancelText: t('common.cancel'),
      onOk: () =>
        mutate(
          {
            url: '/api/permissions',
            method: 'put',
            values: { changes },
            successNotification: { type: 'success', message: t('permissions.saved') },
          },
          { onSuccess: afterSave }
        ),
    })

  const restoreAll = () =>
    Modal.confirm({
      title: t('permissions.restoreTitle'),
      content: t('permissions.restoreText'),
      okText: t('permissions.restore'),
      cancelText: t('common.cancel'),
      onOk: () =>
        mutate(
          {
            url: '/api/permissions/restore',
            method: 'post',
            values: {},
            successNotification: { type: 'success', message: t('permissions.restored') },
          },
          { onSuccess: afterSave }
        ),
    })

  const columns: ColumnsType<Row> = [
    {
      title: t('permissions.columns.permission'),
      key: 'permission',
      render: (_, row) =>
        row.group ? (
          <Space>
            <Typography.Text strong>{localize(row.group.label)}</Typography.Text>
            <Tag>{t(`permissions.kind.${row.group.kind}`)}</Tag>
            {!row.group.enabled && <Tag color="orange">{t('permissions.pluginDisabled')}</Tag>}
          </Space>
        ) : (
          <Space direction="vertical" size={0} style={{ paddingInlineStart: 16 }}>
            <Typography.Text>{localize(row.permission!.label)}</Typography.Text>
            <Typography.Text type="secondary" code>
              {row.permission!.key}
            </Typography.Text>
          </Space>
        ),
    },
    ...(['admin', ...EDITABLE] as Role[]).map((role) => ({
      title: t(`roles.${role}`),
      key: role,
      align: 'center' as const,
      render: (_: unknown, row: Row) => {
        if (!row.permission) return null
        const permission = row.permission
        const value = granted(permission, role)
        const differs = value !== permission.roles[role].default
        return (
          <Space size={4}>
            <Checkbox
              checked={value}
              disabled={role === 'admin'}
              aria-label={`${permission.key} ${role}`}
              data-testid={`perm-${permission.key}-${role}`}
              onChange={(event) => toggle(permission, role, event.target.checked)}
            />
            {differs && (
              <Tag color="blue" data-testid={`perm-changed-${permission.key}-${role}`}>
                {t('permissions.notDefault')}
              </Tag>
            )}
          </Space>
        )
      },
    })),
  ]

  return (
    <Card>
      <Typography.Title level={3}>{t('permissions.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('permissions.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          disabled={changes.length === 0}
          loading={mutation.isPending}
          onClick={save}
          data-testid="permissions-save"
        >
          {t('permissions.saveCount', { count: changes.length })}
        </Button>
        <Button onClick={restoreAll} data-testid="permissions-restore">
          {t('permissions.restore')}
        </Button>
      </Space>
      <Table<Row>
        rowKey="key"
        columns={columns}
        dataSource={rows}
        loading={query.isLoading}
        pagination={false}
        size="small"
        data-testid="permission-matrix"
      />
    </Card>
  )
}

export default function PermissionsPage() {
  return (
    <CanAccess resource="permissions" action="list" fallback={<ForbiddenPage />}>
      <PermissionMatrix />
    </CanAccess>
  )
}

import { DeleteOutlined } from '@ant-design/icons'
import { useInvalidate } from '@refinedev/core'
import { App, Button, Popconfirm } from 'antd'
import { useState, type Key } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/http_client'
import type { ResourceDescription } from '../../meta/admin_meta'
import { forgetRelationLabels } from '../fields/relation_label_store'
import { errorMessage } from '../../feedback/error_message'

interface BulkDeleteButtonProps {
  resource: ResourceDescription
  ids: Key[]
  onDeleted: () => void
}

/**
 * Deletes the selected rows in one request, after a confirmation naming how many. The engine
 * deletes all or none, each with its own audit entry.
 */
export function BulkDeleteButton({ resource, ids, onDeleted }: BulkDeleteButtonProps) {
  const { t } = useTranslation()
  const { notification } = App.useApp()
  const invalidate = useInvalidate()
  const [pending, setPending] = useState(false)

  const remove = async () => {
    setPending(true)
    try {
      await api.post(`/api/r/${encodeURIComponent(resource.name)}/bulk-delete`, { ids })
      notification.success({ message: t('resources.list.bulkDeleted', { count: ids.length }) })
      forgetRelationLabels(resource.name)
      onDeleted()
      await invalidate({ resource: resource.name, invalidates: ['list', 'many'] })
    } catch (error) {
      notification.error({
        message: t('resources.list.bulkDeleteFailed'),
        description: errorMessage(error),
      })
    } finally {
      setPending(false)
    }
  }

  return (
    <Popconfirm
      title={t('resources.list.bulkDeleteConfirm', { count: ids.length })}
      okText={t('buttons.delete')}
      cancelText={t('buttons.cancel')}
      okButtonProps={{ danger: true, loading: pending }}
      onConfirm={remove}
    >
      <Button
        danger
        icon={<DeleteOutlined />}
        disabled={ids.length === 0}
        data-testid="bulk-delete"
      >
        {t('resources.list.bulkDelete', { count: ids.length })}
      </Button>
    </Popconfirm>
  )
}

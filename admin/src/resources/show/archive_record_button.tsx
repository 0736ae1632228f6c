import { InboxOutlined, UndoOutlined } from '@ant-design/icons'
import { useInvalidate } from '@refinedev/core'
import { App, Button, Popconfirm } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/http_client'
import { errorMessage } from '../../feedback/error_message'
import type { ResourceDescription } from '../../meta/admin_meta'

interface ArchiveRecordButtonProps {
  resource: ResourceDescription
  id: string | number
  /** How the record is called in the question, e.g. the campaign's name. */
  title: string
  archived: boolean
}

/**
 * Archives a record of an archivable resource (it leaves the pickers, stays where it is used and
 * in reports) or restores it, after a confirmation that says so.
 */
export function ArchiveRecordButton({ resource, id, title, archived }: ArchiveRecordButtonProps) {
  const { t } = useTranslation()
  const { notification } = App.useApp()
  const invalidate = useInvalidate()
  const [pending, setPending] = useState(false)
  const action = archived ? 'restore' : 'archive'

  const run = async () => {
    setPending(true)
    try {
      const path = `/api/r/${encodeURIComponent(resource.name)}/${encodeURIComponent(id)}/${action}`
      await api.post(path, {})
      notification.success({ message: t(`resources.archive.${action}d`, { title }) })
      await invalidate({ resource: resource.name, invalidates: ['list', 'many', 'detail'], id })
    } catch (error) {
      notification.error({
        message: t(`resources.archive.${action}Failed`, { title }),
        description: errorMessage(error),
      })
    } finally {
      setPending(false)
    }
  }

  return (
    <Popconfirm
      title={t(`resources.archive.${action}Confirm`, { title })}
      description={t(`resources.archive.${action}Warning`)}
      okText={t(`resources.archive.${action}`)}
      cancelText={t('buttons.cancel')}
      okButtonProps={{ loading: pending }}
      onConfirm={run}
    >
      <Button
        icon={archived ? <UndoOutlined /> : <InboxOutlined />}
        loading={pending}
        data-testid={`${action}-button`}
      >
        {t(`resources.archive.${action}`)}
      </Button>
    </Popconfirm>
  )
}

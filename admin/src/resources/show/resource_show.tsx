import { EditOutlined } from '@ant-design/icons'
import { useShow } from '@refinedev/core'
import { Button, Space, Tabs, Tag } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useLocalize } from '../../i18n/localized_text'
import { ScreenFrame } from '../../layout/screen_frame'
import type { ResourceDescription } from '../../meta/admin_meta'
import { ApiErrorResult } from '../../pages/errors/api_error_result'
import { recordTitle } from '../record_title'
import { resourcePaths } from '../resource_paths'
import { isArchived } from '../archived'
import { ArchiveRecordButton } from './archive_record_button'
import { DeleteRecordButton } from './delete_record_button'
import { HistoryTable } from './history_table'
import { RecordDetails } from './record_details'

type Row = Record<string, unknown>

/**
 * The generated page of one record: its fields, edit, archive or restore (archivable resources) and
 * delete where allowed, and the History
 * tab with the record's audit trail. The history loads only once its tab is opened.
 */
export default function ResourceShow({
  resource,
  id,
  extraTabs = [],
}: {
  resource: ResourceDescription
  id: string
  /** tabs a core resource's own page adds after the details (a campaign's team) */
  extraTabs?: Array<{ key: string; label: ReactNode; children: ReactNode }>
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const navigate = useNavigate()
  const paths = resourcePaths(resource.name)
  const [tab, setTab] = useState('details')
  const { query, result } = useShow<Row>({
    resource: resource.name,
    id,
    errorNotification: false,
  })

  if (query.isError) return <ApiErrorResult error={query.error} onRetry={() => query.refetch()} />
  const record = result
  const title = record ? recordTitle(resource, record) : ''

  return (
    <ScreenFrame
      loading={query.isLoading}
      title={
        <span data-testid="record-title">
          {localize(resource.label)}: {title}
          {resource.archivable && isArchived(record) && (
            <Tag style={{ marginInlineStart: 8 }} data-testid="archived-tag">
              {t('resources.archive.tag')}
            </Tag>
          )}
        </span>
      }
      extra={
        <Space wrap>
          {resource.actions.update && (
            <Link to={paths.edit(id)}>
              <Button icon={<EditOutlined />} data-testid="edit-button">
                {t('buttons.edit')}
              </Button>
            </Link>
          )}
          {resource.archivable && resource.actions.update && record && (
            <ArchiveRecordButton
              resource={resource}
              id={id}
              title={title}
              archived={isArchived(record)}
            />
          )}
          {resource.actions.delete && record && (
            <DeleteRecordButton
              resource={resource}
              id={id}
              title={title}
              onDeleted={() => navigate(paths.list)}
            />
          )}
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: 'details',
            label: t('resources.show.details'),
            children: record && <RecordDetails resource={resource} record={record} />,
          },
          ...extraTabs,
          {
            key: 'history',
            label: <span data-testid="history-tab">{t('resources.show.history')}</span>,
            children: <HistoryTable resource={resource} id={id} />,
          },
        ]}
      />
    </ScreenFrame>
  )
}

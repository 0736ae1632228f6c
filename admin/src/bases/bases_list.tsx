import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { useInvalidate } from '@refinedev/core'
import { Button, Space, Typography, type TableColumnType } from 'antd'
import { lazy, Suspense, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { buildUrl } from '../api/http_client'
import { currentLocale } from '../i18n/i18n'
import { formatCount } from '../i18n/wording'
import { useAdminMeta } from '../meta/meta_store'
import type { ResourceScreenProps } from '../resources/custom_screens'
import { useUserLocale } from '../resources/fields/use_user_locale'
import ResourceList from '../resources/list/resource_list'
import { BaseDeletionModal } from './base_deletion_modal'
import { refreshBaseCounts, useBaseCounts } from './base_counts'

const ImportCsvModal = lazy(() => import('../resources/import/import_csv_modal'))

type Row = Record<string, unknown>

function CountCell({ id, kind }: { id: number; kind: 'clients' | 'kept' }) {
  const { counts, failed } = useBaseCounts(id)
  const { locale } = useUserLocale()
  if (failed) return <Typography.Text type="secondary">—</Typography.Text>
  if (!counts) return <Typography.Text type="secondary">…</Typography.Text>
  return <span data-testid={`base-${kind}-${id}`}>{formatCount(counts[kind], locale)}</span>
}

/**
 * Parámetros → Bases: the uploaded bases (the generated list) with their clients now and those
 * a deletion would keep, a button to upload a new one (the clients import, which makes a
 * base), and per base its export and its deletion.
 */
export default function BasesList({ resource }: ResourceScreenProps) {
  const { t } = useTranslation()
  const { meta } = useAdminMeta()
  const invalidate = useInvalidate()
  const [uploading, setUploading] = useState(false)
  const [deleting, setDeleting] = useState<number | null>(null)
  const clients = meta?.resources.find((candidate) => candidate.name === 'clients')
  const canUpload = Boolean(clients?.actions.import && clients.actions.create)
  const canPurge = Boolean(meta?.permissions.includes('bases.purge'))

  const refresh = () => {
    void invalidate({ resource: 'bases', invalidates: ['list', 'many'] })
    refreshBaseCounts()
  }

  const columns = useMemo<TableColumnType<Row>[]>(
    () => [
      {
        key: 'clients-now',
        title: t('bases.list.clients'),
        render: (_, row) => <CountCell id={Number(row.id)} kind="clients" />,
      },
      {
        key: 'kept',
        title: t('bases.list.kept'),
        render: (_, row) => <CountCell id={Number(row.id)} kind="kept" />,
      },
      {
        key: 'base-actions',
        title: t('bases.list.actions'),
        render: (_, row) => (
          <Space>
            {resource.actions.export && (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                href={buildUrl(`/api/bases/${Number(row.id)}/export.csv`, {
                  lang: currentLocale(),
                })}
                download
                data-testid={`base-export-${Number(row.id)}`}
              >
                {t('bases.list.export')}
              </Button>
            )}
            {canPurge && (
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                onClick={() => setDeleting(Number(row.id))}
                data-testid={`base-delete-${Number(row.id)}`}
              >
                {t('bases.list.delete')}
              </Button>
            )}
          </Space>
        ),
      },
    ],
    [t, resource.actions.export, canPurge]
  )

  return (
    <>
      <ResourceList
        resource={resource}
        extraColumns={columns}
        actions={
          canUpload && (
            <Button
              type="primary"
              icon={<UploadOutlined />}
              onClick={() => setUploading(true)}
              data-testid="base-upload"
            >
              {t('bases.list.upload')}
            </Button>
          )
        }
      />
      {uploading && clients && (
        <Suspense fallback={null}>
          <ImportCsvModal
            resource={clients}
            onClose={() => {
              setUploading(false)
              refresh()
            }}
          />
        </Suspense>
      )}
      {deleting !== null && (
        <BaseDeletionModal
          baseId={deleting}
          onClose={(changed) => {
            setDeleting(null)
            if (changed) refresh()
          }}
        />
      )}
    </>
  )
}

import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { useCustom } from '@refinedev/core'
import { App, Button, Popconfirm, Space, Table, Upload, type TableColumnType } from 'antd'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/http_client'
import { uploadFile } from '../../api/upload_file'
import { useUserLocale } from '../../resources/fields/use_user_locale'
import { formatInstant } from '../../resources/fields/user_time'
import type { ClientRecord } from '../client_record'
import { ATTACHMENT_MAX_BYTES, formatFileSize } from './file_size'
import { errorMessage } from '../../feedback/error_message'

interface Attachment {
  id: number
  name: string
  mimeType: string
  size: number
  uploadedBy: { id: number; name: string | null } | null
  createdAt: string
}

/**
 * The client's files (C10): upload with a progress bar, download through a plain link (the
 * browser streams it with the session cookie), delete after a confirmation naming the file.
 */
export function FilesTab({ client, canUpdate }: { client: ClientRecord; canUpdate: boolean }) {
  const { t } = useTranslation()
  const { notification } = App.useApp()
  const { locale, zone } = useUserLocale()
  const base = `/api/clients/${client.id}/attachments`
  const { query, result } = useCustom<Attachment[]>({
    url: base,
    method: 'get',
    errorNotification: false,
  })
  const files = Array.isArray(result.data) ? result.data : []

  const remove = async (file: Attachment) => {
    try {
      await api.delete(`${base}/${file.id}`)
      notification.success({ message: t('clients.files.deleted', { name: file.name }) })
    } catch (error) {
      notification.error({ message: errorMessage(error) })
    }
    await query.refetch()
  }

  const columns: TableColumnType<Attachment>[] = [
    {
      key: 'name',
      title: t('clients.files.name'),
      render: (_, file) => (
        <a href={`${base}/${file.id}/download`} download data-testid="file-download">
          <DownloadOutlined /> {file.name}
        </a>
      ),
    },
    {
      key: 'size',
      title: t('clients.files.size'),
      render: (_, f) => formatFileSize(f.size, locale),
    },
    { key: 'by', title: t('clients.files.uploadedBy'), render: (_, f) => f.uploadedBy?.name ?? '' },
    {
      key: 'when',
      title: t('clients.files.uploadedAt'),
      render: (_, file) => formatInstant(file.createdAt, zone, locale),
    },
    {
      key: 'actions',
      align: 'right',
      render: (_, file) =>
        canUpdate && (
          <Popconfirm
            title={t('clients.files.deleteConfirm', { name: file.name })}
            okText={t('buttons.delete')}
            cancelText={t('buttons.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(file)}
          >
            <Button
              type="text"
              danger
              size="small"
              icon={<DeleteOutlined />}
              data-testid="file-delete"
            />
          </Popconfirm>
        ),
    },
  ]

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="client-files">
      {canUpdate && (
        <Upload
          name="file"
          multiple
          data-testid="file-upload"
          beforeUpload={(file) => {
            if (file.size <= ATTACHMENT_MAX_BYTES) return true
            notification.error({
              message: t('clients.files.tooLarge', {
                name: file.name,
                max: formatFileSize(ATTACHMENT_MAX_BYTES, locale),
              }),
            })
            return Upload.LIST_IGNORE
          }}
          customRequest={({ file, onProgress, onSuccess, onError }) => {
            uploadFile(base, file as File, {
              onProgress: (percent) => onProgress?.({ percent }),
            }).then(
              (body) => {
                onSuccess?.(body)
                void query.refetch()
              },
              (error: Error) => {
                notification.error({
                  message: t('clients.files.uploadFailed'),
                  description: error.message,
                })
                onError?.(error)
              }
            )
          }}
        >
          <Button icon={<UploadOutlined />}>{t('clients.files.upload')}</Button>
        </Upload>
      )}
      <Table<Attachment>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={files}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('clients.files.none') }}
      />
    </Space>
  )
}

import { DeleteOutlined } from '@ant-design/icons'
import { useDelete } from '@refinedev/core'
import { Button, Popconfirm } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ResourceDescription } from '../../meta/admin_meta'
import { forgetRelationLabels } from '../fields/relation_label_store'

interface DeleteRecordButtonProps {
  resource: ResourceDescription
  id: string | number
  /** How the record is called in the question, e.g. the client's name. */
  title: string
  onDeleted: () => void
}

/** Deletes one record after a confirmation that names it. */
export function DeleteRecordButton({ resource, id, title, onDeleted }: DeleteRecordButtonProps) {
  const { t } = useTranslation()
  const { mutate, mutation } = useDelete()

  const remove = () =>
    mutate(
      {
        resource: resource.name,
        id,
        successNotification: () => ({
          type: 'success',
          message: t('resources.show.deleted', { title }),
        }),
        errorNotification: (error) => ({
          type: 'error',
          message: t('resources.show.deleteFailed', { title }),
          description: error?.message,
        }),
      },
      {
        onSuccess: () => {
          forgetRelationLabels(resource.name)
          onDeleted()
        },
      }
    )

  return (
    <Popconfirm
      title={t('resources.show.deleteConfirm', { title })}
      description={t('resources.show.deleteWarning')}
      okText={t('buttons.delete')}
      cancelText={t('buttons.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={remove}
    >
      <Button
        danger
        icon={<DeleteOutlined />}
        loading={mutation.isPending}
        data-testid="delete-button"
      >
        {t('buttons.delete')}
      </Button>
    </Popconfirm>
  )
}

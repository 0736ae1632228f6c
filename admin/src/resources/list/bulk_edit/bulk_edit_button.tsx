import { EditOutlined } from '@ant-design/icons'
import { Button, Modal, Tooltip } from 'antd'
import { useState, type Key } from 'react'
import { useTranslation } from 'react-i18next'
import type { ResourceDescription } from '../../../meta/admin_meta'
import { BulkEditForm } from './bulk_edit_form'
import { MAX_BULK_IDS } from './bulk_editable_fields'

interface BulkEditButtonProps {
  resource: ResourceDescription
  ids: Key[]
  /** The change was stored: the list clears its selection (it refreshes itself). */
  onUpdated: () => void
}

/**
 * "Editar seleccionados": one field set to one value on every selected record, the way a
 * supervisor moves clients to a status, a campaign or an agent in one go. The dialog is rebuilt
 * on each opening, so it never shows the previous attempt.
 */
export function BulkEditButton({ resource, ids, onUpdated }: BulkEditButtonProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const tooMany = ids.length > MAX_BULK_IDS

  return (
    <>
      <Tooltip title={tooMany ? t('resources.bulkEdit.tooMany', { max: MAX_BULK_IDS }) : undefined}>
        <Button
          icon={<EditOutlined />}
          disabled={tooMany}
          onClick={() => setOpen(true)}
          data-testid="bulk-edit"
        >
          {t('resources.bulkEdit.button', { count: ids.length })}
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title={t('resources.bulkEdit.title', { count: ids.length })}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
      >
        <BulkEditForm
          resource={resource}
          ids={ids}
          onCancel={() => setOpen(false)}
          onUpdated={() => {
            setOpen(false)
            onUpdated()
          }}
        />
      </Modal>
    </>
  )
}

import { MergeCellsOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientRecord } from '../client_record'
import { DuplicatesModal } from './duplicates_modal'

/** Looks for duplicates of the client only when asked: the search joins phones and e-mails. */
export function DuplicatesButton({
  client,
  canMerge,
}: {
  client: ClientRecord
  canMerge: boolean
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button
        icon={<MergeCellsOutlined />}
        data-testid="duplicates-button"
        onClick={() => setOpen(true)}
      >
        {t('clients.merge.button')}
      </Button>
      {open && (
        <DuplicatesModal client={client} canMerge={canMerge} onClose={() => setOpen(false)} />
      )}
    </>
  )
}

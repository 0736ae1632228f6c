import { SendOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientRecord } from '../client_record'
import { NotifyModal } from './notify_modal'

/** Opens the SMS / e-mail dialog for the client. */
export function NotifyButton({ client }: { client: ClientRecord }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button icon={<SendOutlined />} data-testid="notify-button" onClick={() => setOpen(true)}>
        {t('clients.notify.button')}
      </Button>
      <NotifyModal client={client} open={open} onClose={() => setOpen(false)} />
    </>
  )
}

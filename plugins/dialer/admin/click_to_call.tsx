import { errorMessage, useHasPermission } from '@tablero/admin'
import { PhoneOutlined } from '@ant-design/icons'
import { Alert, Button, Form, Modal, Select } from 'antd'
import { useState } from 'react'
import { dialerApi } from './dialer_api'
import { useMessages } from './use_messages'

interface Props {
  client?: Record<string, unknown> | null
}

interface CallForm {
  campaignId: number
  phone: string
}

/**
 * D6 (seed 001, Agente → Info): the client's "Llamar" button; a modal picks the outbound
 * campaign (and the number), and the call lands in the client's log.
 */
export default function ClickToCall({ client }: Props) {
  const t = useMessages()
  const allowed = useHasPermission('dialer.work')
  const [open, setOpen] = useState(false)
  const [campaigns, setCampaigns] = useState<Array<{ id: number; name: string }> | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [placed, setPlaced] = useState<string | null>(null)
  const [form] = Form.useForm<CallForm>()
  const clientId = Number(client?.id)
  const primary = typeof client?.primary_phone === 'string' ? client.primary_phone : null
  if (!allowed || !clientId || !primary) return null

  async function start() {
    setOpen(true)
    setError(null)
    setPlaced(null)
    try {
      const offered = await dialerApi.campaigns()
      setCampaigns(offered.data)
      // the client's own campaign when the agent may call in it, else the first offered
      const own = offered.data.find((campaign) => campaign.id === Number(client?.campaign_id))
      form.setFieldsValue({ campaignId: (own ?? offered.data[0])?.id, phone: primary! })
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  async function submit(values: CallForm) {
    setBusy(true)
    setError(null)
    try {
      const answer = await dialerApi.call(clientId, values)
      setPlaced(t('call.placed', { phone: answer.data.phone }))
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const name = [client?.first_name, client?.last_name].filter(Boolean).join(' ')
  return (
    <>
      <Button icon={<PhoneOutlined />} onClick={() => void start()} data-testid="dialer-call">
        {t('call.button')}
      </Button>
      <Modal
        open={open}
        title={t('call.title', { name })}
        okText={t('call.ok')}
        confirmLoading={busy}
        okButtonProps={{ disabled: !campaigns?.length }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {campaigns?.length === 0 && (
          <Alert type="warning" showIcon message={t('call.noCampaign')} />
        )}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="campaignId" label={t('call.campaign')} rules={[{ required: true }]}>
            <Select
              options={(campaigns ?? []).map((campaign) => ({
                value: campaign.id,
                label: campaign.name,
              }))}
            />
          </Form.Item>
          <Form.Item name="phone" label={t('call.phone')}>
            <Select options={[{ value: primary, label: primary }]} />
          </Form.Item>
        </Form>
        {placed && <Alert type="success" showIcon message={placed} />}
        {error && <Alert type="error" showIcon message={error} />}
      </Modal>
    </>
  )
}

import { useResourceDescription, ValueInput } from '@tablero/admin'
import { Button, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { agendaApi, type NewAgendaEvent } from './agenda_api'
import { useAgendaMessages } from './agenda_messages'
import { agendaErrorText, saveWithPhoneWarning } from './agenda_save'
import { useCampaigns } from './use_campaigns'
import { useMessages } from './use_messages'

/**
 * "Crear evento" (seed 001, agent's Agenda): a call to make to a client of one of the user's
 * campaigns, at a future time, on the client's phone unless another is given.
 */
export function AgendaNewEventModal(props: {
  open: boolean
  onClose: () => void
  onCreated: () => void
}) {
  const t = useAgendaMessages()
  const tip = useMessages()
  const campaigns = useCampaigns(tip)
  const description = useResourceDescription('tip_callbacks')
  const field = (name: string) => description?.fields.find((candidate) => candidate.name === name)
  const clientField = field('client_id')
  const dueField = field('due_at')
  const [form] = Form.useForm<NewAgendaEvent>()
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const create = async (values: NewAgendaEvent) => {
    const input = { ...values, phone: values.phone || undefined, notes: values.notes || undefined }
    setSaving(true)
    setProblem(null)
    try {
      const saved = await saveWithPhoneWarning(t, (confirmUnknownPhone) =>
        agendaApi.create(confirmUnknownPhone ? { ...input, confirmUnknownPhone } : input)
      )
      if (saved) {
        form.resetFields()
        props.onCreated()
        props.onClose()
      }
    } catch (error) {
      setProblem(agendaErrorText(t, error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open={props.open}
      title={t('agenda.new')}
      onCancel={props.onClose}
      footer={null}
      destroyOnHidden
    >
      <Form<NewAgendaEvent> form={form} layout="vertical" onFinish={create}>
        <Form.Item name="clientId" label={t('agenda.client')} rules={[{ required: true }]}>
          {clientField ? (
            <ValueInput
              field={{ ...clientField, readOnly: false }}
              data-testid="agenda-new-client"
            />
          ) : (
            <Input type="number" data-testid="agenda-new-client" />
          )}
        </Form.Item>
        <Form.Item name="campaignId" label={t('agenda.campaign')} rules={[{ required: true }]}>
          <Select
            options={campaigns.options}
            loading={campaigns.loading}
            data-testid="agenda-new-campaign"
          />
        </Form.Item>
        <Form.Item name="dueAt" label={t('agenda.when')} rules={[{ required: true }]}>
          {dueField ? (
            <ValueInput field={{ ...dueField, readOnly: false }} data-testid="agenda-new-due" />
          ) : (
            <Input data-testid="agenda-new-due" />
          )}
        </Form.Item>
        <Form.Item name="phone" label={t('agenda.phone')}>
          <Input type="tel" />
        </Form.Item>
        <Form.Item name="notes" label={t('agenda.notes')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {problem && (
          <Form.Item>
            <span role="alert" style={{ color: '#cf1322' }}>
              {problem}
            </span>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="agenda-new-save">
          {t('agenda.save')}
        </Button>
      </Form>
    </Modal>
  )
}

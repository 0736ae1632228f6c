import {
  api,
  ClientBadges,
  useResourceDescription,
  useSessionUser,
  ValueInput,
} from '@tablero/admin'
import { Button, Descriptions, Form, Input, Modal, Popconfirm, Select, Space } from 'antd'
import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import { agendaApi, gestionPath, type AgendaChange, type AgendaEvent } from './agenda_api'
import { useAgendaMessages } from './agenda_messages'
import { agendaErrorText, saveWithPhoneWarning } from './agenda_save'

interface EventForm {
  dueAt: string
  userId: number | null
  phone: string
  notes: string
}

/** The agents of a campaign (GET /api/campaigns/:id/agents), for a reassignment. */
function useCampaignAgents(campaignId: number | undefined, enabled: boolean) {
  const [agents, setAgents] = useState<Array<{ id: number; fullName: string }>>([])
  useEffect(() => {
    if (!campaignId || !enabled) return
    api
      .get<{ data: Array<{ id: number; fullName: string }> }>(`/api/campaigns/${campaignId}/agents`)
      .then((answer) => setAgents(answer.data))
      .catch(() => setAgents([]))
  }, [campaignId, enabled])
  return agents
}

/**
 * A selected event (seed 001: "se pueden ver los datos ingresados… y gestionar el evento"): the
 * agent opens the client with the gestión form, moves or removes it; a supervisor also gives it
 * to another agent of the campaign (or back to the queue). The client card is never edited here.
 */
export function AgendaEventModal(props: {
  event: AgendaEvent
  onClose: () => void
  onChanged: () => void
}) {
  const { event, onClose, onChanged } = props
  const t = useAgendaMessages()
  const user = useSessionUser()
  const navigate = useNavigate()
  const supervisor = user?.role !== 'agent'
  const description = useResourceDescription('tip_callbacks')
  const dueField = description?.fields.find((field) => field.name === 'due_at')
  const agents = useCampaignAgents(event?.campaignId, supervisor)
  const [form] = Form.useForm<EventForm>()
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const save = async (values: EventForm) => {
    const change: AgendaChange = {}
    if (values.dueAt !== event.dueAt) change.dueAt = values.dueAt
    if (supervisor && values.userId !== event.userId) change.userId = values.userId
    if ((values.phone ?? '') !== (event.phone ?? '')) change.phone = values.phone
    if ((values.notes ?? '') !== (event.notes ?? '')) change.notes = values.notes || null
    setSaving(true)
    try {
      const saved = await saveWithPhoneWarning(t, (confirmUnknownPhone) =>
        agendaApi.change(
          event.id,
          confirmUnknownPhone ? { ...change, confirmUnknownPhone } : change
        )
      )
      if (saved) {
        onChanged()
        onClose()
      }
    } catch (error) {
      setProblem(agendaErrorText(t, error))
    } finally {
      setSaving(false)
    }
  }

  const remove = async () => {
    try {
      await agendaApi.remove(event.id)
      onChanged()
      onClose()
    } catch (error) {
      setProblem(agendaErrorText(t, error))
    }
  }

  return (
    <Modal open title={t('agenda.editTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <div data-testid="agenda-event-modal">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('agenda.client')}>
            <Space size={4} wrap>
              {event.clientName}
              <ClientBadges clientId={event.clientId} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('agenda.campaign')}>{event.campaignName}</Descriptions.Item>
          <Descriptions.Item label={t('agenda.agent')}>
            {event.userName ?? t('agenda.queueHolder')}
          </Descriptions.Item>
        </Descriptions>
        <Form<EventForm>
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{
            dueAt: event.dueAt,
            userId: event.userId,
            phone: event.phone ?? '',
            notes: event.notes ?? '',
          }}
        >
          <Form.Item name="dueAt" label={t('agenda.when')} rules={[{ required: true }]}>
            {dueField ? (
              <ValueInput field={{ ...dueField, readOnly: false }} data-testid="agenda-event-due" />
            ) : (
              <Input data-testid="agenda-event-due" />
            )}
          </Form.Item>
          {supervisor && (
            <Form.Item name="userId" label={t('agenda.agent')}>
              <Select
                allowClear
                data-testid="agenda-event-agent"
                placeholder={t('agenda.queueHolder')}
                options={agents.map((agent) => ({ value: agent.id, label: agent.fullName }))}
              />
            </Form.Item>
          )}
          <Form.Item name="phone" label={t('agenda.phone')}>
            <Input type="tel" data-testid="agenda-event-phone" />
          </Form.Item>
          <Form.Item name="notes" label={t('agenda.notes')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          {problem && (
            <Form.Item>
              <span role="alert" style={{ color: '#cf1322' }} data-testid="agenda-event-error">
                {problem}
              </span>
            </Form.Item>
          )}
          <Space wrap>
            <Button
              type="primary"
              htmlType="submit"
              loading={saving}
              data-testid="agenda-event-save"
            >
              {t('agenda.save')}
            </Button>
            <Button
              onClick={() => navigate(gestionPath(event.clientId))}
              data-testid="agenda-event-open"
            >
              {t('agenda.openClient')}
            </Button>
            <Popconfirm
              title={t('agenda.removeTitle')}
              okText={t('agenda.remove')}
              cancelText={t('agenda.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={remove}
            >
              <Button danger data-testid="agenda-event-remove">
                {t('agenda.remove')}
              </Button>
            </Popconfirm>
          </Space>
        </Form>
      </div>
    </Modal>
  )
}

import { ExclamationCircleOutlined } from '@ant-design/icons'
import { Tag, Tooltip } from 'antd'
import { useClientAlerts } from './alert_badges'
import type { ActiveAlert } from './alerts_api'
import { useMessages } from './use_messages'

/** The channels an alert on a phone number covers, and the one on an e-mail. */
const PHONE_CHANNELS = new Set(['phone', 'whatsapp'])

function sameContact(alert: ActiveAlert, kind: 'phone' | 'email', value: unknown) {
  if (alert.alert_group !== 'contact' || !alert.channel || typeof value !== 'string') return false
  if (kind === 'email') {
    return alert.channel === 'email' && alert.channel_value?.toLowerCase() === value.toLowerCase()
  }
  return PHONE_CHANNELS.has(alert.channel) && alert.channel_value === value
}

/**
 * Seed 003: the phone or e-mail that has the contactability problem is itself marked, with the
 * same orange icon and the detail ("Teléfono equivocado o suspendido"…), in Contactos' tables.
 * A new phone or e-mail lifts the alert (the backend), and the mark goes with it.
 */
function ContactMarks({
  kind,
  record,
}: {
  kind: 'phone' | 'email'
  record: Record<string, unknown>
}) {
  const t = useMessages()
  const alerts = useClientAlerts(Number(record.client_id))
  const value = kind === 'phone' ? record.e164 : record.email
  const marks = alerts.filter((alert) => sameContact(alert, kind, value))
  return marks.map((alert) => {
    const detail = alert.detail ? t(`detail.${alert.detail}` as 'detail.wrong_phone') : alert.name
    return (
      <Tooltip key={alert.id} title={`${t('contact.marked')}: ${detail}`}>
        <Tag
          color={alert.color}
          icon={<ExclamationCircleOutlined />}
          data-testid="contact-alert"
          data-contact={String(value)}
        >
          {detail}
        </Tag>
      </Tooltip>
    )
  })
}

export function PhoneMarks({ record }: { record: Record<string, unknown> }) {
  return <ContactMarks kind="phone" record={record} />
}

export function EmailMarks({ record }: { record: Record<string, unknown> }) {
  return <ContactMarks kind="email" record={record} />
}

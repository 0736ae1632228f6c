import { errorMessage, useHasPermission } from '@tablero/admin'
import {
  DollarOutlined,
  ExclamationCircleOutlined,
  FieldTimeOutlined,
  MailOutlined,
  PhoneOutlined,
  ReconciliationOutlined,
  StopOutlined,
  WarningOutlined,
} from '@ant-design/icons'
import { Button, Input, Modal, Space, Tag, Tooltip, Typography, message } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { alertsOf, liftAlert, onAlertsChanged, type ActiveAlert } from './alerts_api'
import { useMessages, type Translate } from './use_messages'

const ICONS: Record<string, ReactNode> = {
  StopOutlined: <StopOutlined />,
  WarningOutlined: <WarningOutlined />,
  ExclamationCircleOutlined: <ExclamationCircleOutlined />,
  ReconciliationOutlined: <ReconciliationOutlined />,
  DollarOutlined: <DollarOutlined />,
  FieldTimeOutlined: <FieldTimeOutlined />,
  PhoneOutlined: <PhoneOutlined />,
  MailOutlined: <MailOutlined />,
}

/** The client's active alerts, asked with the other badges of the screen. */
export function useClientAlerts(clientId: number) {
  const [alerts, setAlerts] = useState<ActiveAlert[]>([])
  useEffect(() => {
    let live = true
    const load = () =>
      alertsOf(clientId).then((answer) => {
        if (live) setAlerts(answer)
      })
    void load()
    const stop = onAlertsChanged(clientId, () => void load())
    return () => {
      live = false
      stop()
    }
  }, [clientId])
  return alerts
}

/** The hover text: the type, its detail and the phone or e-mail marked. */
function hoverText(t: Translate, alert: ActiveAlert) {
  const detail = alert.detail ? t(`detail.${alert.detail}` as 'detail.wrong_phone') : null
  return [alert.name, detail, alert.channel_value].filter(Boolean).join(' · ')
}

function Badge({ alert, canLift }: { alert: ActiveAlert; canLift: boolean }) {
  const t = useMessages()
  const [messageApi, holder] = message.useMessage()
  const [confirming, setConfirming] = useState(false)
  const [hovering, setHovering] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const lift = async () => {
    setBusy(true)
    try {
      await liftAlert(alert, reason.trim() || undefined)
      messageApi.success(t('lift.done'))
      setConfirming(false)
    } catch (caught) {
      messageApi.error(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }
  const since = new Date(alert.raised_at).toLocaleDateString()
  const title = (
    <Space direction="vertical" size={4} data-testid="alert-hover">
      <span>{hoverText(t, alert)}</span>
      {alert.raised_reason && (
        <Typography.Text style={{ color: 'inherit', fontSize: 12 }}>
          {t('badge.raised', { date: since, reason: alert.raised_reason })}
        </Typography.Text>
      )}
      {canLift && (
        <Button
          size="small"
          onClick={() => {
            setHovering(false)
            setConfirming(true)
          }}
          data-testid="alert-lift"
        >
          {t('lift.action')}
        </Button>
      )}
    </Space>
  )
  return (
    <>
      {holder}
      <Tooltip
        title={title}
        trigger={['hover', 'click']}
        open={hovering && !confirming}
        onOpenChange={setHovering}
      >
        <Tag
          color={alert.color}
          icon={ICONS[alert.icon] ?? <WarningOutlined />}
          data-testid="alert-badge"
          data-alert={alert.name}
          data-color={alert.color}
          style={{ cursor: 'pointer', marginInlineEnd: 4, whiteSpace: 'normal' }}
        >
          {alert.name}
        </Tag>
      </Tooltip>
      <Modal
        open={confirming}
        title={t('lift.title', { name: alert.name })}
        okText={t('lift.ok')}
        cancelText={t('lift.cancel')}
        confirmLoading={busy}
        onOk={lift}
        onCancel={() => setConfirming(false)}
      >
        <Typography.Paragraph type="secondary">{hoverText(t, alert)}</Typography.Paragraph>
        <Input
          placeholder={t('lift.reason')}
          maxLength={255}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          data-testid="alert-lift-reason"
        />
      </Modal>
    </>
  )
}

/** A5: the client's alert badges; hover shows why, "Quitar alerta" lifts one (A4). */
export default function AlertBadges({ clientId }: { clientId: number }) {
  const alerts = useClientAlerts(clientId)
  const canLift = useHasPermission('collections-alerts.lift')
  if (alerts.length === 0) return null
  return (
    <span data-testid="alert-badges">
      {alerts.map((alert) => (
        <Badge key={alert.id} alert={alert} canLift={canLift} />
      ))}
    </span>
  )
}

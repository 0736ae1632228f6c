import { ApiErrorResult } from '@tablero/admin'
import { Alert, Col, Row, Space, Spin } from 'antd'
import type { ClientSlotProps } from './definitions'
import { GestionForm } from './gestion_form'
import { GestionHistory } from './gestion_history'
import { MyCallbacks } from './my_callbacks'
import { useClientRecord } from './use_client_record'
import { useClientGestiones, useMyCallbacks } from './use_gestiones'
import { useMessages } from './use_messages'

/**
 * The "Gestión" panel of the client page (slot `client.tabs`): the form that records the call
 * (T6), the agent's pending callbacks beside it and the client's history below (T7). Saving
 * refreshes both lists.
 */
export default function GestionTab(props: ClientSlotProps) {
  const t = useMessages()
  const record = useClientRecord(props)
  const history = useClientGestiones(record.clientId)
  const callbacks = useMyCallbacks()

  let body
  if (!record.clientId) body = <Alert type="info" showIcon message={t('gestion.noClient')} />
  else if (record.error) body = <ApiErrorResult error={record.error} />
  else if (record.loading) body = <Spin />
  else {
    body = (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={12}>
            <GestionForm
              clientId={record.clientId}
              defaultCampaignId={record.campaignId}
              onSaved={() => {
                void history.reload()
                void callbacks.reload()
              }}
            />
          </Col>
          <Col xs={24} xl={12}>
            <MyCallbacks callbacks={callbacks} />
          </Col>
        </Row>
        <GestionHistory history={history} />
      </Space>
    )
  }

  return <div data-testid="gestion-panel">{body}</div>
}

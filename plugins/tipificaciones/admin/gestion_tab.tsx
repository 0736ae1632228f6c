import { ApiErrorResult } from '@tablero/admin'
import { Alert, Card, Space, Spin } from 'antd'
import type { ClientSlotProps } from './definitions'
import { GestionForm } from './gestion_form'
import { GestionHistory } from './gestion_history'
import { MyCallbacks } from './my_callbacks'
import { useClientRecord } from './use_client_record'
import { useClientGestiones, useMyCallbacks } from './use_gestiones'
import { useMessages } from './use_messages'

/**
 * The gestión panel, beside the client's data in its Info tab (slot `client.info`): the form
 * that records the call (T6), then the agent's pending callbacks and the client's history (T7).
 * Saving refreshes both lists.
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
        <Card size="small" title={t('gestion.title')}>
          <GestionForm
            clientId={record.clientId}
            defaultCampaignId={record.campaignId}
            onSaved={() => {
              void history.reload()
              void callbacks.reload()
            }}
          />
        </Card>
        <MyCallbacks callbacks={callbacks} />
        <GestionHistory history={history} />
      </Space>
    )
  }

  return <div data-testid="gestion-panel">{body}</div>
}

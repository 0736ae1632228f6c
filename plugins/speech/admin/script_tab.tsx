import { useCustom, useList, useOne } from '@refinedev/core'
import { ApiErrorResult, isApiError } from '@tablero/admin'
import { Alert, Empty, Select, Space, Spin, Typography } from 'antd'
import { useState } from 'react'
import type { Campaign, ClientSlotProps, RenderedScript } from './definitions'
import { ScriptView } from './script_view'
import { SPEECH_API } from './speech_api'
import { useMessages } from './use_messages'

/**
 * The client's campaign. Core screens pass `{ clientId, client }`; a partial or missing record
 * is completed from the clients resource.
 */
function useClientCampaign(props: ClientSlotProps) {
  const id = Number(props.clientId ?? props.client?.id)
  const clientId = Number.isSafeInteger(id) && id > 0 ? id : undefined
  const needsRead = Boolean(clientId) && !(props.client && 'campaign_id' in props.client)
  const { result } = useOne<Record<string, unknown>>({
    resource: 'clients',
    id: clientId ?? 0,
    queryOptions: { enabled: needsRead },
    errorNotification: false,
  })
  const campaign = Number((needsRead ? result : props.client)?.campaign_id)
  return { clientId, campaignId: campaign > 0 ? campaign : undefined }
}

function FilledScript({ campaignId, clientId }: { campaignId: number; clientId: number }) {
  const t = useMessages()
  const { query } = useCustom<RenderedScript>({
    url: `${SPEECH_API}/render`,
    method: 'get',
    config: { query: { campaignId, clientId } },
    errorNotification: false,
  })
  if (query.isError) {
    if (isApiError(query.error) && query.error.code === 'NO_SCRIPT') {
      return <Empty description={t('tab.noScript')} data-testid="speech-no-script" />
    }
    return <ApiErrorResult error={query.error} onRetry={() => query.refetch()} />
  }
  // `result.data` is an empty object while loading; the answer itself says when it arrived.
  const rendered = query.data?.data
  if (!rendered) return <Spin />
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="speech-title">
        {rendered.title}
      </Typography.Title>
      {rendered.unknownVariables.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('tab.unknown', { names: rendered.unknownVariables.join(', ') })}
        />
      )}
      <ScriptView html={rendered.html} testId="speech-script" />
      <Space size="middle" wrap className="speech-script" style={{ fontSize: 12 }}>
        <span>
          <span data-variable="empty">{'{{…}}'}</span> {t('tab.legendEmpty')}
        </span>
        <span>
          <span data-variable="unknown">{'{{…}}'}</span> {t('tab.legendUnknown')}
        </span>
      </Space>
    </Space>
  )
}

/**
 * The client's script (S2, S3): the script of the client's campaign — or of another the agent
 * picks — filled with this client's data by the server. Shown as the "Speech" tab of the client
 * page (slot `client.tabs`) and in the side drawer its header button opens (`client.actions`).
 */
export default function ScriptTab(props: ClientSlotProps) {
  const t = useMessages()
  const { clientId, campaignId: clientCampaign } = useClientCampaign(props)
  const [picked, setPicked] = useState<number>()
  const campaignId = picked ?? clientCampaign
  const { result } = useList<Campaign>({
    resource: 'campaigns',
    pagination: { currentPage: 1, pageSize: 100 },
    sorters: [{ field: 'name', order: 'asc' }],
    errorNotification: false,
  })

  let body
  if (!clientId) body = <Alert type="info" showIcon message={t('tab.noClient')} />
  else if (!campaignId) body = <Empty description={t('tab.pickCampaign')} />
  else body = <FilledScript campaignId={campaignId} clientId={clientId} />

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="speech-panel">
      <Space wrap>
        <Typography.Text type="secondary">{t('common.campaign')}</Typography.Text>
        <Select
          style={{ minWidth: 220 }}
          value={campaignId}
          placeholder={t('tab.pickCampaign')}
          onChange={setPicked}
          options={result.data.map((campaign) => ({ value: campaign.id, label: campaign.name }))}
          optionFilterProp="label"
          showSearch
          data-testid="speech-campaign"
        />
      </Space>
      {body}
    </Space>
  )
}

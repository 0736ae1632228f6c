import { ClientBadges, errorMessage } from '@tablero/admin'
import { Alert, Button, Card, Input, Select, Space, Tag, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import { clientInfoPath, dialerApi, type AgentState, type DialerCampaign } from './dialer_api'
import { useMessages } from './use_messages'

const COLORS = {
  available: 'green',
  in_call: 'blue',
  wrap_up: 'orange',
  paused: 'default',
} as const

/**
 * Marcador for agents: pick the campaign, "Siguiente contacto" claims the next one and opens the
 * client's Info tab (where the gestión is recorded, which ends the wrap-up); pause with a reason.
 * In a campaign that dials by itself (progressive, ratio, adaptive) "Iniciar marcador" makes the
 * agent wait for calls instead: the screen-pop (`screen_pop.tsx`, in the shell on every page)
 * opens each client put through, or a new client's form with the number filled in when it
 * matches no client, wherever the agent is meanwhile.
 */
export default function ConsolePage() {
  const t = useMessages()
  const navigate = useNavigate()
  const [campaigns, setCampaigns] = useState<DialerCampaign[]>([])
  const [campaignId, setCampaignId] = useState<number | null>(null)
  const [state, setState] = useState<AgentState | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    const answer = await dialerApi.state()
    setState(answer.data)
    return answer.data
  }, [])

  useEffect(() => {
    void (async () => {
      try {
        const offered = await dialerApi.campaigns()
        setCampaigns(offered.data)
        const current = await refresh()
        setCampaignId(current.campaignId ?? offered.data[0]?.id ?? null)
      } catch (caught) {
        setError(errorMessage(caught))
      }
    })()
  }, [refresh])

  async function act(action: () => Promise<unknown>) {
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      await action()
      await refresh()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const next = () =>
    act(async () => {
      const answer = await dialerApi.next(campaignId!)
      if (!answer.data) {
        setNotice(t('console.empty'))
        return
      }
      navigate(clientInfoPath(answer.data.clientId))
    })

  const start = () => act(() => dialerApi.ready(campaignId!))

  const contact = state?.contact ?? null
  const mode = campaigns.find((campaign) => campaign.id === campaignId)?.mode ?? 'preview'
  const paced = mode !== 'preview'
  const waiting =
    paced && !contact && state?.state === 'available' && state.campaignId === campaignId
  const stateText = state
    ? state.state === 'paused'
      ? t('state.paused', { reason: state.pauseReason ?? '' })
      : t(`state.${state.state}`)
    : '…'
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={3}>{t('console.title')}</Typography.Title>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span>{t('console.campaign')}</span>
            <Select
              style={{ minWidth: 240 }}
              value={campaignId ?? undefined}
              onChange={setCampaignId}
              options={campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name }))}
              data-testid="dialer-campaign"
            />
            {state && (
              <Tag color={COLORS[state.state]} data-testid="dialer-state">
                {stateText}
              </Tag>
            )}
            {campaignId && (
              <Tag data-testid="dialer-mode">{t('console.mode', { mode: t(`mode.${mode}`) })}</Tag>
            )}
          </Space>
          {waiting && (
            <Alert
              type="success"
              showIcon
              message={t('console.waiting')}
              data-testid="dialer-waiting"
            />
          )}
          {contact && (
            <Alert
              type="info"
              showIcon
              data-testid="dialer-contact"
              message={
                <Space wrap>
                  <strong>{contact.clientName}</strong>
                  <ClientBadges clientId={contact.clientId} />
                  <span>{t('console.current', { phone: contact.phone })}</span>
                </Space>
              }
              description={t('console.wrapHelp')}
              action={
                <Space direction="vertical">
                  <Button size="small" onClick={() => navigate(clientInfoPath(contact.clientId))}>
                    {t('console.open')}
                  </Button>
                  {!paced && (
                    <Button size="small" onClick={() => act(() => dialerApi.noAnswer(contact.id))}>
                      {t('console.noAnswer')}
                    </Button>
                  )}
                  {state?.state === 'in_call' && (
                    <Button size="small" onClick={() => act(() => dialerApi.setState('wrap_up'))}>
                      {t('console.wrapUp')}
                    </Button>
                  )}
                </Space>
              }
            />
          )}
          <Space wrap>
            {paced ? (
              <Button
                type="primary"
                size="large"
                disabled={!campaignId || waiting || Boolean(contact)}
                loading={busy}
                onClick={start}
                data-testid="dialer-start"
              >
                {t('console.start')}
              </Button>
            ) : (
              <Button
                type="primary"
                size="large"
                disabled={!campaignId || state?.state === 'paused'}
                loading={busy}
                onClick={next}
                data-testid="dialer-next"
              >
                {t('console.next')}
              </Button>
            )}
            {state?.state === 'paused' ? (
              <Button onClick={() => act(() => dialerApi.setState('available'))}>
                {t('console.resume')}
              </Button>
            ) : (
              <Space.Compact>
                <Input
                  placeholder={t('console.pauseReason')}
                  value={reason}
                  maxLength={120}
                  onChange={(event) => setReason(event.target.value)}
                />
                <Button
                  disabled={!reason.trim() || Boolean(contact)}
                  onClick={() => act(() => dialerApi.setState('paused', reason))}
                >
                  {t('console.pause')}
                </Button>
              </Space.Compact>
            )}
          </Space>
          {notice && <Alert type="warning" message={notice} showIcon />}
          {error && <Alert type="error" message={error} showIcon />}
        </Space>
      </Card>
    </Space>
  )
}

import { useCustom } from '@refinedev/core'
import { ApiErrorResult, useLocalize } from '@tablero/admin'
import { Alert, Empty, InputNumber, Modal, Segmented, Space, Spin, Typography } from 'antd'
import { useState } from 'react'
import type { RenderedScript, ScriptVariable } from './definitions'
import { ScriptView } from './script_view'
import { SPEECH_API } from './speech_api'
import { useMessages } from './use_messages'
import { markTokens } from './variable_tokens'

interface ScriptPreviewModalProps {
  title: string
  campaignId: number
  /** The editor's current text; without it only the saved version can be shown. */
  draftHtml?: string
  variables: ScriptVariable[]
  /** Whether the campaign has a saved script to fill for a client. */
  saved: boolean
  onClose: () => void
}

/** The saved script filled for one client, exactly as the agent's tab shows it. */
function FilledForClient({ campaignId, clientId }: { campaignId: number; clientId?: number }) {
  const { query } = useCustom<RenderedScript>({
    url: `${SPEECH_API}/render`,
    method: 'get',
    config: { query: { campaignId, clientId } },
    errorNotification: false,
  })
  if (query.isError) return <ApiErrorResult error={query.error} />
  // `result.data` is an empty object while loading; the answer itself says when it arrived.
  const rendered = query.data?.data
  if (!rendered) return <Spin />
  return <ScriptView html={rendered.html} testId="preview-filled" />
}

/**
 * S1 preview: the draft with every variable shown as its label (unknown ones marked), or — once
 * saved — the script filled by the server for a client the supervisor picks by number.
 */
export function ScriptPreviewModal(props: ScriptPreviewModalProps) {
  const t = useMessages()
  const localize = useLocalize()
  const [mode, setMode] = useState<'draft' | 'filled'>(props.draftHtml ? 'draft' : 'filled')
  const [clientId, setClientId] = useState<number>()
  const labels = new Map(props.variables.map((v) => [v.name, `[${localize(v.label)}]`]))

  return (
    <Modal
      open
      width={760}
      title={t('preview.title', { title: props.title })}
      footer={null}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {props.draftHtml !== undefined && (
          <Segmented
            value={mode}
            onChange={(value) => setMode(value as 'draft' | 'filled')}
            options={[
              { value: 'draft', label: t('preview.draft') },
              { value: 'filled', label: t('preview.filled') },
            ]}
          />
        )}
        {mode === 'draft' && props.draftHtml !== undefined && (
          <>
            <Typography.Text type="secondary">{t('preview.draftHelp')}</Typography.Text>
            <ScriptView
              html={markTokens(props.draftHtml, (name) => labels.get(name))}
              testId="preview-draft"
            />
          </>
        )}
        {mode === 'filled' && !props.saved && (
          <Alert type="info" showIcon message={t('preview.saveFirst')} />
        )}
        {mode === 'filled' && props.saved && (
          <>
            <Space wrap>
              <Typography.Text>{t('preview.client')}</Typography.Text>
              <InputNumber
                min={1}
                precision={0}
                value={clientId}
                onChange={(value) => setClientId(value ?? undefined)}
                data-testid="preview-client"
              />
            </Space>
            <Typography.Text type="secondary">{t('preview.clientHelp')}</Typography.Text>
            {props.campaignId ? (
              <FilledForClient campaignId={props.campaignId} clientId={clientId} />
            ) : (
              <Empty />
            )}
          </>
        )}
      </Space>
    </Modal>
  )
}

import { Alert, Button, Checkbox, Radio, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clientName, type ClientRecord } from '../client_record'
import type { DuplicateCandidate } from './duplicate_candidate'

interface MergeConfirmationProps {
  client: ClientRecord
  other: DuplicateCandidate
  merging: boolean
  onBack: () => void
  onConfirm: (survivorId: number) => void
}

/**
 * The last step before an irreversible merge: pick which card survives, read what happens to the
 * other one (named, with its id), and tick that it cannot be undone before the button unlocks.
 */
export function MergeConfirmation({
  client,
  other,
  merging,
  onBack,
  onConfirm,
}: MergeConfirmationProps) {
  const { t } = useTranslation()
  const [survivorId, setSurvivorId] = useState(client.id)
  const [understood, setUnderstood] = useState(false)
  const label = (who: { id: number; first_name: string; last_name: string | null }) =>
    `${clientName(who)} (#${who.id})`
  const survivor = survivorId === client.id ? client : other
  const merged = survivorId === client.id ? other : client

  return (
    <Space
      direction="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="merge-confirmation"
    >
      <Typography.Text strong>{t('clients.merge.survivorQuestion')}</Typography.Text>
      <Radio.Group
        value={survivorId}
        onChange={(event) => setSurvivorId(event.target.value)}
        data-testid="merge-survivor"
      >
        <Space direction="vertical">
          <Radio value={client.id}>{label(client)}</Radio>
          <Radio value={other.id}>{label(other)}</Radio>
        </Space>
      </Radio.Group>
      <Alert
        type="warning"
        showIcon
        data-testid="merge-summary"
        message={t('clients.merge.summaryTitle')}
        description={t('clients.merge.summary', {
          survivor: label(survivor),
          merged: label(merged),
        })}
      />
      <Checkbox
        checked={understood}
        onChange={(event) => setUnderstood(event.target.checked)}
        data-testid="merge-understood"
      >
        {t('clients.merge.understood')}
      </Checkbox>
      <Space>
        <Button onClick={onBack}>{t('clients.merge.back')}</Button>
        <Button
          danger
          type="primary"
          disabled={!understood}
          loading={merging}
          data-testid="merge-confirm"
          onClick={() => onConfirm(survivorId)}
        >
          {t('clients.merge.confirm')}
        </Button>
      </Space>
    </Space>
  )
}

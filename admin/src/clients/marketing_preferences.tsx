import { useCustom } from '@refinedev/core'
import { App, Card, Flex, Switch, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/http_client'
import type { ClientRecord } from './client_record'
import { errorMessage } from '../feedback/error_message'

const CHANNELS = ['sms', 'email', 'whatsapp', 'push'] as const
type Channel = (typeof CHANNELS)[number]
type Preferences = Record<Channel, boolean>

/**
 * Whether the client accepts marketing per channel (C5). Each switch saves at once and shows the
 * server's answer; a refused change flips back.
 */
export function MarketingPreferences({
  client,
  canUpdate,
}: {
  client: ClientRecord
  canUpdate: boolean
}) {
  const { t } = useTranslation()
  const { notification } = App.useApp()
  const [saving, setSaving] = useState<Channel | null>(null)
  const url = `/api/clients/${client.id}/marketing`
  const { query, result } = useCustom<Preferences>({ url, method: 'get', errorNotification: false })
  const preferences = result.data as Preferences | undefined

  const change = async (channel: Channel, optedIn: boolean) => {
    setSaving(channel)
    try {
      await api.put(url, { [channel]: optedIn })
      notification.success({
        message: t(optedIn ? 'clients.marketing.optedIn' : 'clients.marketing.optedOut', {
          channel: t(`clients.marketing.channels.${channel}`),
        }),
      })
    } catch (error) {
      notification.error({ message: errorMessage(error) })
    } finally {
      await query.refetch()
      setSaving(null)
    }
  }

  return (
    <Card
      size="small"
      title={t('clients.marketing.title')}
      loading={query.isLoading}
      data-testid="marketing"
    >
      <Flex vertical gap={12}>
        {CHANNELS.map((channel) => (
          <Flex key={channel} justify="space-between" align="center">
            <Typography.Text>{t(`clients.marketing.channels.${channel}`)}</Typography.Text>
            <Switch
              checked={Boolean(preferences?.[channel])}
              disabled={!canUpdate}
              loading={saving === channel}
              data-testid={`marketing-${channel}`}
              onChange={(checked) => change(channel, checked)}
            />
          </Flex>
        ))}
      </Flex>
    </Card>
  )
}

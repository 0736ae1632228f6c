import { useResourceRecord } from '@tablero/admin'
import type { ClientSlotProps } from './definitions'

/**
 * The client a slot is about. Core screens pass `{ clientId, client }`; the record may be
 * missing or partial (a screen still loading), so it is read from the clients resource when the
 * campaign — what the panels need — is not in it.
 */
export function useClientRecord(props: ClientSlotProps) {
  const id = Number(props.clientId ?? props.client?.id)
  const clientId = Number.isSafeInteger(id) && id > 0 ? id : undefined
  const given = props.client ?? null
  const needsRead = Boolean(clientId) && (!given || !('campaign_id' in given))
  const { record, query } = useResourceRecord<Record<string, unknown>>(
    'clients',
    needsRead ? clientId : undefined
  )
  const client = needsRead ? (record ?? null) : given
  const campaign = Number(client?.campaign_id)
  return {
    clientId,
    client,
    campaignId: Number.isSafeInteger(campaign) && campaign > 0 ? campaign : undefined,
    loading: needsRead && query.isLoading,
    error: needsRead && query.isError ? query.error : null,
  }
}

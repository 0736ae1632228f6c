import { useList } from '@refinedev/core'
import type { Campaign } from './definitions'
import type { Translate } from './use_messages'

/** Enough for a contact center's campaigns; the pickers search within them. */
const CAMPAIGNS_PAGE = 100

/**
 * The campaigns (GET /api/r/campaigns), with their type: voice campaigns ignore result actions
 * and "Para mí" works only on dialer campaigns.
 */
export function useCampaigns(t: Translate) {
  const { result, query } = useList<Campaign>({
    resource: 'campaigns',
    pagination: { currentPage: 1, pageSize: CAMPAIGNS_PAGE },
    sorters: [{ field: 'name', order: 'asc' }],
    errorNotification: false,
  })
  const campaigns = result.data
  return {
    loading: query.isLoading,
    campaigns,
    options: campaigns.map((campaign) => ({
      value: campaign.id,
      label: `${campaign.name} · ${t(`campaignType.${campaign.type}`)}`,
    })),
    find: (id: number | null | undefined) => campaigns.find((campaign) => campaign.id === id),
  }
}

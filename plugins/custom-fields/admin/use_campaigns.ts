import { useList } from '@refinedev/core'
import { isArchived } from '@tablero/admin'
import { useMemo } from 'react'
import type { Campaign } from './definitions'

/** Enough for a contact center's campaigns; the picker searches within them. */
const CAMPAIGNS_PAGE = 100

/**
 * The campaigns a profile can be attached to (GET /api/r/campaigns?perPage=100), as picker
 * options (archived campaigns are not offered) and as a name lookup for the profile list (which
 * still names them).
 */
export function useCampaigns() {
  const { result, query } = useList<Campaign>({
    resource: 'campaigns',
    pagination: { currentPage: 1, pageSize: CAMPAIGNS_PAGE },
    sorters: [{ field: 'name', order: 'asc' }],
    errorNotification: false,
  })
  const campaigns = result.data
  return useMemo(
    () => ({
      loading: query.isLoading,
      options: campaigns
        .filter((campaign) => !isArchived(campaign))
        .map((campaign) => ({ value: campaign.id, label: campaign.name })),
      nameOf: (id: number) => campaigns.find((campaign) => campaign.id === id)?.name ?? `#${id}`,
    }),
    [campaigns, query.isLoading]
  )
}

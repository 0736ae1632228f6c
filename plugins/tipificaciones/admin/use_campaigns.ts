import { useCustom } from '@refinedev/core'
import { isArchived, useResourceList } from '@tablero/admin'
import { TIPIFICACIONES_API } from './tipificaciones_api'
import type { Campaign } from './definitions'
import type { Translate } from './use_messages'

/** Enough for a contact center's campaigns; the pickers search within them. */
const CAMPAIGNS_PAGE = 100

/**
 * The campaigns (GET /api/r/campaigns), with their type: voice campaigns ignore result actions
 * and "Para mí" works only on dialer campaigns. Archived campaigns are not offered, unless
 * `withArchived` (the statistics, which report on them too), but `find` still knows them.
 */
export function useCampaigns(t: Translate, { withArchived = false } = {}) {
  const { records: campaigns, query } = useResourceList<Campaign>('campaigns', {
    pagination: { currentPage: 1, pageSize: CAMPAIGNS_PAGE },
    sorters: [{ field: 'name', order: 'asc' }],
  })
  const offered = withArchived ? campaigns : campaigns.filter((campaign) => !isArchived(campaign))
  return {
    loading: query.isLoading,
    campaigns: offered,
    options: offered.map((campaign) => ({
      value: campaign.id,
      label: [
        campaign.name,
        t(`campaignType.${campaign.type}`),
        ...(isArchived(campaign) ? [t('common.archived')] : []),
      ].join(' · '),
    })),
    find: (id: number | null | undefined) => campaigns.find((campaign) => campaign.id === id),
  }
}

const NO_CAMPAIGNS: Campaign[] = []

/**
 * The campaigns the gestión form offers (GET campaigns/mine): an agent's own (campaign_agents,
 * the only ones it may record in), every open one for supervisors and admins.
 */
export function useGestionCampaigns(t: Translate) {
  const { query, result } = useCustom<Campaign[]>({
    url: `${TIPIFICACIONES_API}/campaigns/mine`,
    method: 'get',
    errorNotification: false,
  })
  const campaigns = Array.isArray(result.data) ? result.data : NO_CAMPAIGNS
  return {
    loading: query.isLoading,
    ready: query.isSuccess,
    campaigns,
    options: campaigns.map((campaign) => ({
      value: campaign.id,
      label: `${campaign.name} · ${t(`campaignType.${campaign.type}`)}`,
    })),
    find: (id: number | null | undefined) => campaigns.find((campaign) => campaign.id === id),
  }
}

import { useCustom, useList } from '@refinedev/core'
import { useMemo } from 'react'
import { isArchived } from '@tablero/admin'
import type { Campaign, Script, ScriptSummary, ScriptVariable, ScriptVersion } from './definitions'
import { SPEECH_API } from './speech_api'

const NONE: never[] = []

/** Every script with its campaign (GET scripts). */
export function useScripts() {
  const { query, result } = useCustom<ScriptSummary[]>({
    url: `${SPEECH_API}/scripts`,
    method: 'get',
    errorNotification: false,
  })
  return {
    scripts: Array.isArray(result.data) ? result.data : (NONE as ScriptSummary[]),
    query,
    reload: () => query.refetch(),
  }
}

/** One script with its HTML and the variables its campaign does not offer. */
export function useScript(id: number | undefined) {
  const { query } = useCustom<Script>({
    url: `${SPEECH_API}/scripts/${id}`,
    method: 'get',
    // Read once per editor: a background refetch must not replace what is being typed.
    queryOptions: { enabled: Boolean(id), refetchOnWindowFocus: false },
    errorNotification: false,
  })
  // Not `result.data`: Refine gives an empty object until the answer arrives.
  return { script: id ? query.data?.data : undefined, query }
}

export function useScriptVersions(id: number | undefined) {
  const { query, result } = useCustom<ScriptVersion[]>({
    url: `${SPEECH_API}/scripts/${id}/versions`,
    method: 'get',
    queryOptions: { enabled: Boolean(id) },
    errorNotification: false,
  })
  return {
    versions: Array.isArray(result.data) ? result.data : (NONE as ScriptVersion[]),
    query,
  }
}

/** What the insert menu offers for a campaign (GET variables?campaignId). */
export function useVariables(campaignId: number | undefined) {
  const { query, result } = useCustom<ScriptVariable[]>({
    url: `${SPEECH_API}/variables`,
    method: 'get',
    config: { query: { campaignId } },
    queryOptions: { enabled: Boolean(campaignId) },
    errorNotification: false,
  })
  const variables =
    campaignId && Array.isArray(result.data) ? result.data : (NONE as ScriptVariable[])
  return { variables, loading: query.isFetching }
}

/** The campaigns a script can be written for (GET /api/r/campaigns): archived ones are left out. */
export function useCampaigns() {
  const { result, query } = useList<Campaign>({
    resource: 'campaigns',
    pagination: { currentPage: 1, pageSize: 100 },
    sorters: [{ field: 'name', order: 'asc' }],
    errorNotification: false,
  })
  const campaigns = useMemo(
    () => result.data.filter((campaign) => !isArchived(campaign)),
    [result.data]
  )
  return { campaigns, loading: query.isLoading }
}

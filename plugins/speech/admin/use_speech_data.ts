import {
  useCreate,
  useCustom,
  useDelete,
  useList,
  useMany,
  useOne,
  useUpdate,
} from '@refinedev/core'
import { useMemo } from 'react'
import { isArchived } from '@tablero/admin'
import type {
  Campaign,
  Script,
  ScriptRow,
  ScriptVariable,
  ScriptVersion,
  ScriptVersionRow,
} from './definitions'
import { SPEECH_API } from './speech_api'

const NONE: never[] = []
const SCRIPTS = 'speech_scripts'
const VERSIONS = 'speech_script_versions'
const QUIET = { successNotification: false, errorNotification: false } as const

/** The campaigns (GET /api/r/campaigns): `campaigns` leaves archived ones out, `names` has all. */
export function useCampaigns() {
  const { result, query } = useList<Campaign>({
    resource: 'campaigns',
    pagination: { currentPage: 1, pageSize: 100 },
    sorters: [{ field: 'name', order: 'asc' }],
    errorNotification: false,
  })
  return useMemo(
    () => ({
      campaigns: result.data.filter((campaign) => !isArchived(campaign)),
      names: new Map(result.data.map((campaign) => [campaign.id, campaign.name])),
      loading: query.isLoading,
    }),
    [result.data, query.isLoading]
  )
}

function toScript(row: ScriptRow, names: Map<number, string>): Script {
  return {
    id: row.id,
    campaign: { id: row.campaign_id, name: names.get(row.campaign_id) ?? `#${row.campaign_id}` },
    title: row.title,
    html: row.html,
    version: row.version,
    updatedAt: row.updated_at,
  }
}

/** Every script (one per campaign), by campaign name. */
export function useScripts() {
  const { names } = useCampaigns()
  const { query, result } = useList<ScriptRow>({
    resource: SCRIPTS,
    pagination: { currentPage: 1, pageSize: 100 },
    errorNotification: false,
  })
  const scripts = useMemo(
    () =>
      result.data
        .map((row) => toScript(row, names))
        .sort((a, b) => a.campaign.name.localeCompare(b.campaign.name)),
    [result.data, names]
  )
  return { scripts, query, reload: () => query.refetch() }
}

/** One script with its HTML. */
export function useScript(id: number | undefined) {
  const { names, loading } = useCampaigns()
  const { query } = useOne<ScriptRow>({
    resource: SCRIPTS,
    id: id ?? 0,
    // Read once per editor: a background refetch must not replace what is being typed.
    queryOptions: { enabled: Boolean(id), refetchOnWindowFocus: false },
    errorNotification: false,
  })
  // Not `result`: Refine gives an empty object until the answer arrives.
  const row = id && !loading ? query.data?.data : undefined
  return { script: row ? toScript(row, names) : undefined, query }
}

/** A script's saved versions, newest first, with their authors named. */
export function useScriptVersions(id: number | undefined) {
  const { query, result } = useList<ScriptVersionRow>({
    resource: VERSIONS,
    filters: [{ field: 'script_id', operator: 'eq', value: id }],
    sorters: [{ field: 'version', order: 'desc' }],
    pagination: { currentPage: 1, pageSize: 100 },
    queryOptions: { enabled: Boolean(id) },
    errorNotification: false,
  })
  const authorIds = [...new Set(result.data.map((row) => row.author_id))].filter(
    (author): author is number => author !== null
  )
  const authors = useMany<{ id: number; full_name: string }>({
    resource: 'users',
    ids: authorIds,
    queryOptions: { enabled: authorIds.length > 0 },
    errorNotification: false,
  })
  const versions = useMemo(() => {
    const names = new Map(authors.result.data.map((user) => [user.id, user.full_name]))
    return result.data.map((row): ScriptVersion => ({
      id: row.id,
      version: row.version,
      title: row.title,
      html: row.html,
      author: row.author_id ? { id: row.author_id, name: names.get(row.author_id) ?? null } : null,
      createdAt: row.created_at,
    }))
  }, [result.data, authors.result.data])
  return { versions, query }
}

/**
 * Writes through the generic REST; the server sanitizes the HTML and keeps a version per change.
 * Failures arrive as `ApiError`.
 */
export function useScriptWrites() {
  const { mutateAsync: create } = useCreate<ScriptRow>()
  const { mutateAsync: update } = useUpdate<ScriptRow>()
  const { mutateAsync: remove } = useDelete()
  return {
    create: async (values: { campaign_id: number; title: string; html: string }) => {
      const { data } = await create({ resource: SCRIPTS, values, ...QUIET })
      return data
    },
    update: async (id: number, values: { title: string; html: string }) => {
      const { data } = await update({ resource: SCRIPTS, id, values, ...QUIET })
      return data
    },
    remove: (id: number) => remove({ resource: SCRIPTS, id, ...QUIET }),
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

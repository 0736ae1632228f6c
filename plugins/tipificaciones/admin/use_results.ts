import { useCustom } from '@refinedev/core'
import { useResourceDelete, useResourceUpdate } from '@tablero/admin'
import type { ResultNode } from './definitions'
import {
  RESULTS_RESOURCE,
  resultFields,
  TIPIFICACIONES_API,
  type ResultChanges,
} from './tipificaciones_api'

const NO_RESULTS: ResultNode[] = []

/**
 * A campaign's result tree (GET results?campaignId). Supervisors editing it also see the
 * deactivated results; the agent's form asks for active ones only (the backend's default).
 */
export function useResultTree(campaignId: number | undefined, includeInactive = false) {
  const { query, result } = useCustom<ResultNode[]>({
    url: `${TIPIFICACIONES_API}/results`,
    method: 'get',
    config: { query: { campaignId, includeInactive: includeInactive ? 1 : undefined } },
    queryOptions: { enabled: Boolean(campaignId) },
    errorNotification: false,
  })
  return {
    tree: campaignId && Array.isArray(result.data) ? result.data : NO_RESULTS,
    query,
    reload: () => query.refetch(),
  }
}

/** Every node of a tree, depth first (to find one by id). */
export function flatten(nodes: ResultNode[]): ResultNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)])
}

/**
 * A result's edits and deletion, through the generic REST of `tip_results` (its hooks keep the
 * tree rules). Failures reject with the `ApiError`, for the form or the action feedback.
 */
export function useResultWrites() {
  const { update } = useResourceUpdate(RESULTS_RESOURCE)
  const { remove } = useResourceDelete(RESULTS_RESOURCE)
  return {
    updateResult: (id: number, changes: ResultChanges) => update(id, resultFields(changes)),
    deleteResult: (id: number) => remove(id),
  }
}

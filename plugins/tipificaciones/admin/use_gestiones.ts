import { useCustom } from '@refinedev/core'
import { useResourceList, useSessionUser } from '@tablero/admin'
import { useState } from 'react'
import type { Gestion, PendingCallback } from './definitions'
import { TIPIFICACIONES_API } from './tipificaciones_api'

const NO_GESTIONES: Gestion[] = []

/** The client's gestiones, newest first (T7). */
export function useClientGestiones(clientId: number | undefined) {
  const { query, result } = useCustom<Gestion[]>({
    url: `${TIPIFICACIONES_API}/clients/${clientId}/gestiones`,
    method: 'get',
    queryOptions: { enabled: Boolean(clientId) },
    errorNotification: false,
  })
  return {
    gestiones: Array.isArray(result.data) ? result.data : NO_GESTIONES,
    query,
    reload: () => query.refetch(),
  }
}

/** Rows per page of the agent's callbacks, beside the gestión form. */
export const CALLBACKS_PAGE = 8

/**
 * The signed-in user's pending callbacks, soonest first (T7), a page at a time from the declared
 * resource `tip_callbacks` (agents read only theirs; a supervisor's "mine" is the filter).
 */
export function useMyCallbacks() {
  const user = useSessionUser()
  const [page, setPage] = useState(1)
  const list = useResourceList<PendingCallback>('tip_callbacks', {
    filters: [
      { field: 'user_id', operator: 'eq', value: user?.id },
      { field: 'status', operator: 'eq', value: 'pending' },
    ],
    sorters: [{ field: 'due_at', order: 'asc' }],
    pagination: { currentPage: page, pageSize: CALLBACKS_PAGE },
    enabled: Boolean(user),
  })
  return {
    callbacks: list.records,
    total: list.total,
    page,
    setPage,
    query: list.query,
    reload: list.reload,
  }
}

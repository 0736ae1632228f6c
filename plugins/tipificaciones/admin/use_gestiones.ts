import { useResourceList, useSessionUser } from '@tablero/admin'
import { useState } from 'react'
import type { GestionRecord, PendingCallback } from './definitions'

/** Rows per page of the client's gestiones, below the form. */
export const HISTORY_PAGE = 10

/**
 * The client's gestiones, newest first (T7), a page at a time from the declared resource
 * `tip_gestiones` (agents read those of the clients they see, whoever recorded them).
 */
export function useClientGestiones(clientId: number | undefined) {
  const [page, setPage] = useState(1)
  const list = useResourceList<GestionRecord>('tip_gestiones', {
    filters: [{ field: 'client_id', operator: 'eq', value: clientId }],
    sorters: [{ field: 'id', order: 'desc' }],
    pagination: { currentPage: page, pageSize: HISTORY_PAGE },
    enabled: Boolean(clientId),
  })
  return {
    gestiones: list.records,
    total: list.total,
    page,
    setPage,
    query: list.query,
    reload: list.reload,
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

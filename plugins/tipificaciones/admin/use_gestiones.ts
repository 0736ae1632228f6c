import { useCustom } from '@refinedev/core'
import type { Gestion, PendingCallback } from './definitions'
import { TIPIFICACIONES_API } from './tipificaciones_api'

const NO_GESTIONES: Gestion[] = []
const NO_CALLBACKS: PendingCallback[] = []

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

/** The signed-in agent's pending callbacks, soonest first (T7). */
export function useMyCallbacks() {
  const { query, result } = useCustom<PendingCallback[]>({
    url: `${TIPIFICACIONES_API}/callbacks/mine`,
    method: 'get',
    errorNotification: false,
  })
  return {
    callbacks: Array.isArray(result.data) ? result.data : NO_CALLBACKS,
    query,
    reload: () => query.refetch(),
  }
}

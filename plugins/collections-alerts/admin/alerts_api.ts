import { api } from '@tablero/admin'

export const ALERTS_API = '/api/p/collections-alerts'

export interface ActiveAlert {
  id: number
  client_id: number
  alert_type_id: number
  name: string
  color: string
  icon: string
  alert_group: 'payment' | 'contact'
  detail: string | null
  channel: string | null
  channel_value: string | null
  raised_at: string
  raised_reason: string | null
}

/**
 * The badges of one screen ask together: client ids asked in the same tick go as one
 * `GET /alerts?ids=…` (per hundred ids); answers are kept a few seconds, and a lift forgets its client and
 * tells every badge of that client to ask again.
 */
const KEEP_MS = 5_000
const known = new Map<number, { at: number; alerts: Promise<ActiveAlert[]> }>()
const listeners = new Map<number, Set<() => void>>()
let waiting: Array<{ id: number; resolve: (alerts: ActiveAlert[]) => void }> = []

/** The most client ids one `GET /alerts` takes. */
const IDS_PER_REQUEST = 100

function flush() {
  const batch = waiting
  waiting = []
  const ids = [...new Set(batch.map((entry) => entry.id))]
  // a month of the agenda may name more clients than one request takes: a few requests, not one each
  for (let from = 0; from < ids.length; from += IDS_PER_REQUEST) {
    const chunk = new Set(ids.slice(from, from + IDS_PER_REQUEST))
    const asked = batch.filter((entry) => chunk.has(entry.id))
    api
      .get<{ data: ActiveAlert[] }>(`${ALERTS_API}/alerts`, {
        query: { ids: [...chunk].join(',') },
      })
      .then(
        (answer) =>
          asked.forEach((entry) =>
            entry.resolve(answer.data.filter((alert) => alert.client_id === entry.id))
          ),
        () => asked.forEach((entry) => entry.resolve([]))
      )
  }
}

export function alertsOf(clientId: number): Promise<ActiveAlert[]> {
  const kept = known.get(clientId)
  if (kept && Date.now() - kept.at < KEEP_MS) return kept.alerts
  const alerts = new Promise<ActiveAlert[]>((resolve) => {
    if (waiting.length === 0) queueMicrotask(flush)
    waiting.push({ id: clientId, resolve })
  })
  known.set(clientId, { at: Date.now(), alerts })
  return alerts
}

/** Calls `listener` whenever the client's alerts change on this screen. */
export function onAlertsChanged(clientId: number, listener: () => void) {
  const set = listeners.get(clientId) ?? new Set()
  set.add(listener)
  listeners.set(clientId, set)
  return () => set.delete(listener)
}

export function alertsChanged(clientId: number) {
  known.delete(clientId)
  listeners.get(clientId)?.forEach((listener) => listener())
}

export async function liftAlert(alert: ActiveAlert, reason?: string) {
  await api.post(`${ALERTS_API}/alerts/${alert.id}/lift`, reason ? { reason } : {})
  alertsChanged(alert.client_id)
}

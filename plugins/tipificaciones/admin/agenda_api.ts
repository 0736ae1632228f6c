import { api } from '@tablero/admin'
import { TIPIFICACIONES_API } from './tipificaciones_api'

/** A pending callback as the agenda shows it (GET .../agenda/events, .../agenda/queue). */
export interface AgendaEvent {
  id: number
  clientId: number
  clientName: string
  campaignId: number
  campaignName: string
  userId: number | null
  userName: string | null
  gestionId: number | null
  /** ISO UTC */
  dueAt: string
  phone: string | null
  notes: string | null
}

/** One of the user's open client tasks with a due date (GET .../agenda/tasks). */
export interface AgendaTask {
  id: number
  clientId: number
  clientName: string
  title: string
  dueAt: string
}

export interface AgendaFilter {
  from: string
  to: string
  userId?: number
  campaignId?: number
}

export interface NewAgendaEvent {
  clientId: number
  campaignId: number
  dueAt: string
  userId?: number
  phone?: string
  notes?: string
  confirmUnknownPhone?: boolean
}

export interface AgendaChange {
  dueAt?: string
  userId?: number | null
  phone?: string
  notes?: string | null
  confirmUnknownPhone?: boolean
}

type Data<T> = { data: T }
const AGENDA = `${TIPIFICACIONES_API}/agenda`

/** The agenda's endpoints (backend/agenda_controller.ts); writes go through the engine there. */
export const agendaApi = {
  events: (filter: AgendaFilter) =>
    api.get<Data<AgendaEvent[]>>(`${AGENDA}/events`, { query: { ...filter } }),
  tasks: (window: { from: string; to: string }) =>
    api.get<Data<AgendaTask[]>>(`${AGENDA}/tasks`, { query: { ...window } }),
  queue: () => api.get<Data<AgendaEvent[]>>(`${AGENDA}/queue`),
  due: () => api.get<Data<{ due: number; nextDueAt: string | null }>>(`${AGENDA}/due`),
  create: (input: NewAgendaEvent) => api.post(`${AGENDA}/events`, input),
  change: (id: number, change: AgendaChange) => api.patch(`${AGENDA}/events/${id}`, change),
  claim: (id: number) => api.post(`${TIPIFICACIONES_API}/callbacks/${id}/claim`),
  remove: (id: number) => api.post(`${TIPIFICACIONES_API}/callbacks/${id}/remove`),
}

/** The client page on its Info tab, where the gestión form is (slot `client.info`). */
export function gestionPath(clientId: number) {
  return `/r/clients/${clientId}?tab=info`
}

/** The live channel a user's browser hears agenda changes on (backend: `userChannel`). */
export function agendaChannel(userId: number | string) {
  return `users/${userId}`
}

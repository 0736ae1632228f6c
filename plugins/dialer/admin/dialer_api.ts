import { api, type AssignmentSelection } from '@tablero/admin'

/** The plugin's routes (backend/routes.ts), mounted by the kernel under /api/p/dialer. */
export const DIALER_API = '/api/p/dialer'

export interface ListCounts {
  new: number
  called: number
  recall: number
  dnc: number
  done: number
}

export interface DialerList {
  id: number
  name: string
  campaignId: number
  campaignName: string
  active: boolean
  building: boolean
  total: number
  skippedInvalid: number
  counts: ListCounts
  hopperDepth: number
}

export interface ClaimedContact {
  id: number
  clientId: number
  campaignId: number
  phone: string
  attempts: number
  resumed: boolean
}

export type AgentStateName = 'available' | 'in_call' | 'wrap_up' | 'paused'

export interface AgentState {
  state: AgentStateName
  pauseReason: string | null
  campaignId: number | null
  contact: { id: number; clientId: number; phone: string; campaignId: number } | null
}

type Data<T> = { data: T }

/** What "Ir a Marcador" hands the lists page (router state). */
export interface FromAssignments {
  selection: AssignmentSelection
  matched: number | null
}

export interface FloorAgent {
  userId: number
  name: string
  state: AgentStateName
  pauseReason: string | null
  contactId: number | null
  campaignId: number | null
}

export const dialerApi = {
  agents: () => api.get<Data<FloorAgent[]>>(`${DIALER_API}/agents`),
  lists: (campaignId?: number) =>
    api.get<Data<DialerList[]>>(`${DIALER_API}/lists`, { query: campaignId ? { campaignId } : {} }),
  build: (body: {
    name: string
    campaignId: number
    filter?: unknown
    recordType?: string
    limit?: number | null
  }) =>
    api.post<
      Data<{
        id: number
        total: number
        skippedInvalid: number
        building: boolean
        clients: number
      }>
    >(`${DIALER_API}/lists`, body),
  setActive: (id: number, active: boolean) => api.patch(`/api/r/dialer_lists/${id}`, { active }),
  campaigns: () => api.get<Data<Array<{ id: number; name: string }>>>(`${DIALER_API}/campaigns`),
  next: (campaignId: number) =>
    api.post<Data<ClaimedContact | null>>(`${DIALER_API}/campaigns/${campaignId}/next`),
  call: (clientId: number, body: { campaignId: number; phone?: string }) =>
    api.post<Data<{ phone: string; callId: string; mode: string }>>(
      `${DIALER_API}/clients/${clientId}/call`,
      body
    ),
  noAnswer: (contactId: number) => api.post(`${DIALER_API}/contacts/${contactId}/no-answer`),
  state: () => api.get<Data<AgentState>>(`${DIALER_API}/agent/state`),
  setState: (state: AgentStateName, reason?: string) =>
    api.post<Data<AgentState>>(`${DIALER_API}/agent/state`, { state, reason }),
}

/** The client's Info tab, where the gestión is recorded (as the Agenda opens it). */
export function clientInfoPath(clientId: number) {
  return `/r/clients/${clientId}?tab=info`
}

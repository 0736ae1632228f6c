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
  contact: {
    id: number
    clientId: number
    clientName: string
    phone: string
    campaignId: number
  } | null
}

export type DialMode = 'preview' | 'progressive' | 'ratio' | 'adaptive'

export interface DialerCampaign {
  id: number
  name: string
  mode: DialMode
}

/** What the server pushes when a call is put through to the agent (`dialer.screen-pop`). */
export interface ScreenPopEvent {
  clientId: number | null
  clientName: string
  contactId: number
  phone: string
  callId: string
  /** the platform's answer, ms since the epoch (the push's latency is measured from it) */
  answeredAt: number | null
}

export interface CampaignBoard {
  campaignId: number
  name: string
  mode: DialMode
  agents: Record<AgentStateName, number>
  calls: { dialing: number; connected: number }
  hopperDepth: number
  contacts: Record<string, number>
  answered: number
  abandoned: number
  abandonRate: number
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
  campaigns: () => api.get<Data<DialerCampaign[]>>(`${DIALER_API}/campaigns`),
  ready: (campaignId: number) =>
    api.post<Data<AgentState>>(`${DIALER_API}/campaigns/${campaignId}/ready`),
  wallboard: () => api.get<Data<CampaignBoard[]>>(`${DIALER_API}/wallboard`),
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

/** An unknown caller: a new client's form with the number filled in (as the caller-ID box does). */
export function newClientPath(phone: string) {
  return `/r/clients/create?${new URLSearchParams({ primary_phone: phone })}`
}

/**
 * Each screen-pop's push latency (the platform's answer → this browser), kept on `window` for
 * the bench that prints it (tests/browser/dialer.spec.ts); nothing else reads it.
 */
export function noteScreenPop(event: ScreenPopEvent) {
  const log = window as unknown as {
    __dialerScreenPops?: Array<{ clientId: number | null; ms: number | null }>
  }
  log.__dialerScreenPops ??= []
  log.__dialerScreenPops.push({
    clientId: event.clientId,
    ms: event.answeredAt ? Date.now() - event.answeredAt : null,
  })
}

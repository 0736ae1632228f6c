/**
 * The shapes `/api/p/tipificaciones` speaks (backend/result_rules.ts `present`, the gestiones
 * and stats controllers). The admin cannot import backend code, so the action list is repeated.
 */
export const RESULT_ACTIONS = ['recall', 'recall_alternate', 'no_action', 'do_not_call'] as const
export type ResultAction = (typeof RESULT_ACTIONS)[number]

/** Results go three levels deep at most (T1). */
export const MAX_LEVEL = 3

export interface ResultNode {
  id: number
  campaignId: number
  parentId: number | null
  level: number
  name: string
  action: ResultAction | null
  allowsScheduling: boolean
  deleteScheduled: boolean
  gamificationMeasure: number | null
  order: number
  active: boolean
  children: ResultNode[]
}

export type CampaignType = 'inbound_voice' | 'outbound_dialer'

export interface Campaign {
  id: number
  name: string
  type: CampaignType
  active: boolean
  archived_at?: string | null
}

export interface Gestion {
  id: number
  campaign: { id: number; name: string | null }
  resultPath: string
  notes: string | null
  callbackAt: string | null
  alternatePhone: string | null
  forMe: boolean
  user: { id: number; name: string | null } | null
  createdAt: string | null
}

/** A row of the declared resource `tip_callbacks` (GET /api/r/tip_callbacks). */
export interface PendingCallback {
  id: number
  due_at: string | null
  user_id: number
  campaign_id: number | null
  client_id: number
  phone: string | null
  status: 'pending' | 'removed'
}

export interface Stats {
  byResult: { result: string; total: number; share: number }[]
  totalGestiones: number
  clients: { managed: number; unmanaged: number; total: number }
}

/** What the slots of the client page receive (core `<Slot name="client.tabs" …>`). */
export interface ClientSlotProps {
  clientId?: number | string
  client?: Record<string, unknown> | null
}

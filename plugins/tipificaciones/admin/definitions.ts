/**
 * The shapes `/api/p/tipificaciones` speaks (backend/result_rules.ts `present`, the stats
 * controller) and the rows of its declared resources. The admin cannot import backend code, so
 * the action list is repeated.
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

/** A row of the declared resource `tip_gestiones` (GET /api/r/tip_gestiones), as agents see it. */
export interface GestionRecord {
  id: number
  created_at: string | null
  user_id: number | null
  campaign_id: number
  client_id: number
  result_path: string
  notes: string | null
  callback_at: string | null
  alternate_phone: string | null
  for_me: boolean
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
  /** Gestiones per agent in the range, most first (an agent sees only its own). */
  byAgent: { userId: number | null; name: string | null; total: number }[]
  clients: { managed: number; unmanaged: number; total: number }
}

/** What the slots of the client page receive (core `<Slot name="client.tabs" …>`). */
export interface ClientSlotProps {
  clientId?: number | string
  client?: Record<string, unknown> | null
}

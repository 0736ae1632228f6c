/**
 * The shapes `/api/p/speech` speaks (backend/scripts_controller.ts `present`, `versions`,
 * `render`; backend/script_variables.ts).
 */
export interface ScriptSummary {
  id: number
  campaign: { id: number; name: string }
  title: string
  version: number
  updatedAt: string | null
}

export interface Script extends ScriptSummary {
  html: string
  unknownVariables: string[]
}

export interface ScriptVersion {
  id: number
  version: number
  title: string
  html: string
  author: { id: number; name: string | null } | null
  createdAt: string | null
}

export interface ScriptVariable {
  name: string
  label: { es: string; en: string }
}

export interface RenderedScript {
  title: string
  /** Sanitized and escaped by the server; unknown and empty variables come as marked spans. */
  html: string
  unknownVariables: string[]
}

export interface Campaign {
  id: number
  name: string
  archived_at?: string | null
  type: 'inbound_voice' | 'outbound_dialer'
}

/** What the slots of the client page receive (core `<Slot name="client.tabs" …>`). */
export interface ClientSlotProps {
  clientId?: number | string
  client?: Record<string, unknown> | null
}

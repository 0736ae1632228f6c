/**
 * The shapes the screens use: rows of the `speech_scripts` and `speech_script_versions`
 * resources (backend/resources.ts, generic REST at /api/r/…), and what `/api/p/speech` answers
 * (`render`; backend/script_variables.ts).
 */
export interface ScriptRow {
  id: number
  campaign_id: number
  title: string
  html: string
  version: number
  updated_by: number | null
  created_at: string | null
  updated_at: string | null
}

export interface ScriptVersionRow {
  id: number
  script_id: number
  version: number
  title: string
  html: string
  author_id: number | null
  created_at: string | null
}

/** A script with its campaign named, as the screens show it. */
export interface Script {
  id: number
  campaign: { id: number; name: string }
  title: string
  html: string
  version: number
  updatedAt: string | null
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

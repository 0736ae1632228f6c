import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { DEFAULT_WINDOW, type CallingWindow } from './calling_hours.ts'
import type { PacingSettings } from './telephony/pacing.ts'

export const DIAL_MODES = ['preview', 'progressive', 'ratio', 'adaptive'] as const

export interface DialerSettings {
  window: CallingWindow
  maxAttempts: number
  recycleHours: number
  claimTimeoutMinutes: number
  hopperSize: number
  /** how calls are placed: preview (the agent dials) or paced by the server */
  pacing: PacingSettings
}

export const DEFAULT_SETTINGS: DialerSettings = {
  window: DEFAULT_WINDOW,
  maxAttempts: 3,
  recycleHours: 4,
  claimTimeoutMinutes: 15,
  hopperSize: 200,
  pacing: { mode: 'preview', dialLevel: 1.5, maxDialLevel: 3, targetAbandonRate: 0.03 },
}

/** A campaign's dialer rules (`dialer_settings`), the defaults when it has none. */
export async function settingsOf(
  campaignId: number,
  client: QueryClientContract = db.connection()
): Promise<DialerSettings> {
  const row = await client.from('dialer_settings').where('campaign_id', campaignId).first()
  return settingsFrom(row)
}

/**
 * A `dialer_settings` row as the campaign's rules (the defaults for none:
 * also what a left join finds for a campaign without settings, so a
 * query may read the rules it needs alongside its own rows).
 */
export function settingsFrom(row: Record<string, any> | null | undefined): DialerSettings {
  if (!row || row.campaign_id === null || row.campaign_id === undefined) return DEFAULT_SETTINGS
  return {
    window: { start: row.call_start, end: row.call_end },
    maxAttempts: Number(row.max_attempts),
    recycleHours: Number(row.recycle_hours),
    claimTimeoutMinutes: Number(row.claim_timeout_minutes),
    hopperSize: Number(row.hopper_size),
    pacing: {
      mode: (DIAL_MODES as readonly string[]).includes(row.dial_mode) ? row.dial_mode : 'preview',
      dialLevel: Number(row.dial_level),
      maxDialLevel: Number(row.max_dial_level),
      targetAbandonRate: Number(row.target_abandon_rate),
    },
  }
}

import { AriTelephony } from './ari/ari_adapter.ts'
import { readTelephonyConfig, type TelephonyConfig } from './config.ts'
import { SimulatedTelephony } from './simulated_adapter.ts'
import type { TelephonyAdapter } from './types.ts'

export type * from './types.ts'
export { readTelephonyConfig, TelephonyConfigError } from './config.ts'
export type { TelephonyConfig } from './config.ts'
export { paceCalls } from './pacing.ts'
export { OutcomeWindow } from './outcome_window.ts'
export { CampaignPacer } from './campaign_pacer.ts'
export type { AttemptOutcome, ClaimedContact, PacerPorts, PacerSettings } from './campaign_pacer.ts'
export type { CallOutcome } from './outcome_window.ts'
export { telephonyDialing } from './dialing_bridge.ts'
export type { DialRequest, DialingBridgeOptions } from './dialing_bridge.ts'
export type { DialingMode, PacingInput, PacingSettings, PacingDecision } from './pacing.ts'

/** The adapter a configuration names. */
export function createTelephony(config: TelephonyConfig = readTelephonyConfig()): TelephonyAdapter {
  return config.kind === 'asterisk-ari' ? new AriTelephony(config) : new SimulatedTelephony(config)
}

let shared: TelephonyAdapter | undefined

/**
 * The process's adapter, built from the environment on first use (a bad
 * setting throws `TelephonyConfigError` here, naming the variable). One per
 * process: it holds the event stream and the calls this node placed.
 */
export function telephony(): TelephonyAdapter {
  shared ??= createTelephony()
  return shared
}

/** Stops and forgets the process's adapter (shutdown, tests that change the env). */
export async function resetTelephony() {
  const current = shared
  shared = undefined
  await current?.stop()
}

import type { HangupCause } from '../types.ts'

/**
 * Q.850 cause codes, as Asterisk reports them on `ChannelDestroyed`, in the
 * dialer's words. Cause 0 (unknown) on a call nobody answered is a ring-out:
 * that is what Asterisk gives when an originate's ring time-out passes.
 */
const CAUSES: Record<number, HangupCause> = {
  16: 'normal',
  17: 'busy',
  18: 'no-answer',
  19: 'no-answer',
  21: 'rejected',
  1: 'invalid-number',
  3: 'invalid-number',
  22: 'invalid-number',
  28: 'invalid-number',
  20: 'unreachable',
  27: 'unreachable',
  38: 'unreachable',
  41: 'unreachable',
  34: 'congestion',
  42: 'congestion',
  44: 'congestion',
}

export function hangupCause(code: number | undefined, answered: boolean): HangupCause {
  if (code === undefined || code === 0) return answered ? 'normal' : 'no-answer'
  return CAUSES[code] ?? 'failed'
}

/** The part of an ARI event the adapter reads. */
export interface AriEvent {
  type: string
  channel?: { id: string; state?: string }
  bridge?: { id: string }
  args?: string[]
  cause?: number
  variable?: string
  value?: string
}

/** What an ARI event means for one of the dialer's calls. */
export type AriStep =
  | { step: 'ringing'; channelId: string }
  | { step: 'answered'; channelId: string }
  | { step: 'machine'; channelId: string }
  | { step: 'entered-bridge'; channelId: string; bridgeId: string }
  | { step: 'agent-ready'; channelId: string; callId: string }
  | { step: 'destroyed'; channelId: string; causeCode?: number }

/**
 * Reads one ARI event. An originated channel enters the Stasis application
 * when it is answered; an agent's leg enters it with `appArgs` `agent,<call>`;
 * answering-machine detection (`AMD()` in the dialplan) reports through the
 * channel variable `AMDSTATUS`. Everything else is not the dialer's business.
 */
export function readAriEvent(event: AriEvent): AriStep | null {
  const channelId = event.channel?.id
  if (!channelId) return null
  switch (event.type) {
    case 'ChannelStateChange':
    case 'ChannelCreated':
      if (event.channel?.state === 'Ringing') return { step: 'ringing', channelId }
      if (event.channel?.state === 'Up') return { step: 'answered', channelId }
      return null
    case 'StasisStart':
      if (event.args?.[0] === 'agent' && event.args[1]) {
        return { step: 'agent-ready', channelId, callId: event.args[1] }
      }
      return { step: 'answered', channelId }
    case 'ChannelVarset':
      if (event.variable === 'AMDSTATUS' && event.value === 'MACHINE') {
        return { step: 'machine', channelId }
      }
      return null
    case 'ChannelEnteredBridge':
      return event.bridge ? { step: 'entered-bridge', channelId, bridgeId: event.bridge.id } : null
    case 'ChannelDestroyed':
      return {
        step: 'destroyed',
        channelId,
        ...(typeof event.cause === 'number' ? { causeCode: event.cause } : {}),
      }
    default:
      return null
  }
}

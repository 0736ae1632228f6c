/**
 * The dialer's view of a telephony platform: place a call, learn what became
 * of it, put an answered call through to an agent, end it. The hopper and the
 * console depend on this interface only, so the simulated platform (demo,
 * tests) and Asterisk (production) are interchangeable.
 */

/** Who a call is placed for: the agent's phone (an extension or softphone endpoint). */
export interface AgentLeg {
  /** the agent's user id in Tablero, carried back on `bridged` */
  agentId: number
  /** the agent's extension as the PBX knows it (`101`, `agent-7`) */
  extension: string
}

export interface OriginateRequest {
  /** the client's phone, E.164 (`+5491155550000`) */
  to: string
  /** the number the client sees */
  callerId: string
  /**
   * The dialer's own key for this attempt (the hopper claim's id): unique,
   * `[A-Za-z0-9._-]`, at most 64 characters. It becomes the call's id, so a
   * retry after a lost answer finds the call instead of dialing twice.
   */
  correlationId: string
  /** set for click-to-call and preview: the agent the call is placed for */
  agent?: AgentLeg
  /** seconds to let it ring before giving up (default 30) */
  ringTimeoutSec?: number
}

export interface PlacedCall {
  /** the platform's id for the call (equal to the correlation id) */
  callId: string
  correlationId: string
}

/**
 * Why a call ended, in the dialer's words. `lost` means the platform no
 * longer knows the call and nobody saw it end (it ended while the event
 * stream was down): the dialer treats it as a failed attempt, never as a
 * call still ringing.
 */
export type HangupCause =
  | 'normal'
  | 'busy'
  | 'no-answer'
  | 'rejected'
  | 'invalid-number'
  | 'unreachable'
  | 'congestion'
  | 'failed'
  | 'lost'

interface CallEventBase {
  callId: string
  correlationId: string
}

export type CallEvent =
  | (CallEventBase & { type: 'ringing' })
  | (CallEventBase & { type: 'answered' })
  /** an answering machine picked up (the dialer usually hangs up or leaves a message) */
  | (CallEventBase & { type: 'machine' })
  | (CallEventBase & { type: 'bridged'; agentId: number })
  | (CallEventBase & {
      type: 'hangup'
      cause: HangupCause
      /** the Q.850 cause code when the platform gave one */
      causeCode?: number
      /** true when found ended by a reconciliation after the stream was down */
      reconciled?: boolean
    })

/**
 * The adapter's link to the platform, for a visible state on the wallboard:
 * `down` while the event stream reconnects (`attempt`, `delayMs` before the
 * next try), `up` when it is back and calls were reconciled.
 */
export type ConnectionEvent =
  | { type: 'connection'; state: 'up'; reconciled: number }
  | { type: 'connection'; state: 'down'; attempt: number; delayMs: number; reason: string }

export type TelephonyEvent = CallEvent | ConnectionEvent

export type TelephonyListener = (event: TelephonyEvent) => void

export type TelephonyKind = 'simulated' | 'asterisk-ari'

export interface TelephonyAdapter {
  readonly kind: TelephonyKind
  /** connects the event stream (idempotent); originate calls it too */
  start(): Promise<void>
  /** places a call; throws TableroError (`INVALID_PHONE` 422, `TELEPHONY_*` 503/502) */
  originate(request: OriginateRequest): Promise<PlacedCall>
  /** puts an answered call through to the agent; `bridged` follows */
  bridge(callId: string, agent: AgentLeg): Promise<void>
  /** ends the call (and its agent leg); a call already gone is not an error */
  hangup(callId: string): Promise<void>
  /** every event of every call, in order per call; returns the unsubscribe */
  onEvent(listener: TelephonyListener): () => void
  /** calls placed and not yet hung up, as the adapter knows them */
  liveCalls(): string[]
  /** the link to the platform now, for the wallboard: the last connection event, `idle` before start */
  connection(): ConnectionEvent | { type: 'connection'; state: 'idle' }
  /** closes the stream and timers (the calls on the platform go on) */
  stop(): Promise<void>
}

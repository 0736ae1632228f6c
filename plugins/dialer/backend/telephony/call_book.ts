import { TableroError, normalizePhone } from '#sdk'
import type {
  AgentLeg,
  CallEvent,
  ConnectionEvent,
  HangupCause,
  OriginateRequest,
  TelephonyEvent,
  TelephonyListener,
} from './types.ts'

export type CallState = 'dialing' | 'ringing' | 'answered' | 'machine' | 'bridged'

export interface LiveCall {
  callId: string
  correlationId: string
  to: string
  state: CallState
  /** the agent the call was placed for: put through as soon as it is answered */
  agent?: AgentLeg
  /** the originate request is still on its way: a channel listing may not show it yet */
  sending: boolean
}

/** a call only moves forward: a late or repeated event never takes it back */
const RANK: Record<CallState, number> = {
  dialing: 0,
  ringing: 1,
  answered: 2,
  machine: 3,
  bridged: 4,
}

const CORRELATION_ID = /^[A-Za-z0-9._-]{1,64}$/

/**
 * Checks an originate request at the door: the client's phone must be E.164
 * (a 422 naming `to` otherwise, before anything is dialed) and the
 * correlation id usable as the platform's call id.
 */
export function checkOriginate(request: OriginateRequest): OriginateRequest {
  const fields: Array<{ field: string; message: string; rule: string }> = []
  let to = request.to
  try {
    const normalized = normalizePhone(String(request.to ?? ''), 'to')
    if (normalized.e164 !== request.to) throw new Error('not in E.164 form')
    to = normalized.e164
  } catch {
    fields.push({
      field: 'to',
      message: `"${request.to}" is not an E.164 phone (+<country code><number>)`,
      rule: 'e164',
    })
  }
  if (!CORRELATION_ID.test(String(request.correlationId ?? ''))) {
    fields.push({
      field: 'correlationId',
      message: 'Use 1 to 64 letters, digits, dots, dashes or underscores',
      rule: 'regex',
    })
  }
  if (fields.length > 0) {
    const code = fields[0].field === 'to' ? 'INVALID_PHONE' : 'VALIDATION_FAILED'
    throw new TableroError(code, `Cannot place the call: ${fields[0].message}`, 422, fields)
  }
  return { ...request, to }
}

export function unknownCall(callId: string) {
  return new TableroError('UNKNOWN_CALL', `No live call "${callId}"`, 404)
}

/**
 * The calls an adapter has placed and not yet seen end, and the one place
 * their events go out. It keeps each call's story consistent whatever the
 * platform repeats or reorders: `answered` once, nothing after `hangup`, and
 * every call placed ends with exactly one `hangup`.
 */
export class CallBook {
  readonly #calls = new Map<string, LiveCall>()
  readonly #listeners = new Set<TelephonyListener>()

  onEvent(listener: TelephonyListener) {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }

  /** the last connection event, for `TelephonyAdapter.connection()` */
  connection: ConnectionEvent | { type: 'connection'; state: 'idle' } = {
    type: 'connection',
    state: 'idle',
  }

  emit(event: TelephonyEvent) {
    if (event.type === 'connection') this.connection = event
    for (const listener of this.#listeners) {
      try {
        listener(event)
      } catch {
        // a listener's failure is its own: the other listeners still hear the call
      }
    }
  }

  open(callId: string, request: OriginateRequest) {
    this.#calls.set(callId, {
      callId,
      correlationId: request.correlationId,
      to: request.to,
      state: 'dialing',
      agent: request.agent,
      sending: true,
    })
  }

  get(callId: string) {
    return this.#calls.get(callId)
  }

  ids() {
    return [...this.#calls.keys()]
  }

  /** the calls whose originate has been sent, which the platform must know */
  sent() {
    return [...this.#calls.values()].filter((call) => !call.sending).map((call) => call.callId)
  }

  /**
   * Moves a live call on, emitting the event once; false (and nothing
   * emitted) for an unknown or ended call or a step it has passed.
   */
  advance(callId: string, state: Exclude<CallState, 'dialing'>, agentId?: number) {
    const call = this.#calls.get(callId)
    if (!call || RANK[state] <= RANK[call.state]) return false
    call.state = state
    const base = { callId, correlationId: call.correlationId }
    const event: CallEvent =
      state === 'bridged'
        ? { ...base, type: 'bridged', agentId: agentId ?? call.agent?.agentId ?? 0 }
        : { ...base, type: state }
    this.emit(event)
    return true
  }

  /** drops a call that was never placed, with no event */
  forget(callId: string) {
    this.#calls.delete(callId)
  }

  /** ends a live call with its cause; the call leaves the book, so a repeat is ignored */
  end(
    callId: string,
    cause: HangupCause,
    extra: { causeCode?: number; reconciled?: boolean } = {}
  ) {
    const call = this.#calls.get(callId)
    if (!call) return
    this.#calls.delete(callId)
    this.emit({
      type: 'hangup',
      callId,
      correlationId: call.correlationId,
      cause,
      ...(extra.causeCode !== undefined ? { causeCode: extra.causeCode } : {}),
      ...(extra.reconciled ? { reconciled: true } : {}),
    })
  }
}

import { randomUUID } from 'node:crypto'
import { TableroError } from '#sdk'
import { OutcomeWindow } from './outcome_window.ts'
import { paceCalls, type PacingDecision, type PacingSettings } from './pacing.ts'
import type { AgentLeg, HangupCause, TelephonyAdapter, TelephonyEvent } from './types.ts'

/** What became of one claimed contact's attempt; each claimed contact gets exactly one. */
export type AttemptOutcome =
  | { kind: 'connected'; agentId: number; callId: string }
  /** a person answered and no agent was free: hung up, counted against the abandon rate */
  | { kind: 'abandoned'; callId: string }
  | { kind: 'machine'; callId: string }
  | { kind: 'unanswered'; cause: HangupCause; callId: string }
  /** not dialed (a bad phone, the platform down): `code` says why */
  | { kind: 'failed'; code: string; message: string }

export interface ClaimedContact {
  contactId: number
  phone: string
}

/** The dialer's side, which the pacer calls: agents, the hopper, the contact's fate. */
export interface PacerPorts {
  /** the campaign's agents waiting for a call now */
  freeAgents(): Promise<AgentLeg[]>
  /** claims up to `count` contacts from the hopper (fewer when it runs dry) */
  claim(count: number): Promise<ClaimedContact[]>
  /** the attempt's outcome: move the contact (screen-pop, recycle, do-not-call, back to the hopper) */
  settle(contactId: number, outcome: AttemptOutcome): Promise<void> | void
}

export interface PacerSettings extends PacingSettings {
  campaignId: number
  /** the number clients see (E.164) */
  callerId: string
  /** the clock for the outcome window (tests pass their own) */
  now?: () => number
}

interface PacedCall {
  contactId: number
  answered: boolean
  agent?: AgentLeg
  settled: boolean
}

/**
 * One campaign's automatic dialing on a telephony adapter: each `tick()`
 * asks `paceCalls` how many calls to place, claims that many contacts and
 * dials them; an answered call goes to a free agent or, with none free, is
 * hung up as abandoned; every claimed contact is settled exactly once. Run
 * one pacer per campaign on one node (under a lock), ticking about once a
 * second; while the platform is down it places nothing.
 */
export class CampaignPacer {
  readonly window = new OutcomeWindow()
  readonly #calls = new Map<string, PacedCall>()
  /** agents given a call by this pacer, until that call ends */
  readonly #busy = new Set<number>()
  readonly #now: () => number
  readonly #unsubscribe: () => void
  #attempt = 0
  #ticking = false
  readonly #unreported: Array<{ contactId: number; outcome: AttemptOutcome }> = []
  /** this pacer's own prefix, so attempts stay unique across restarts */
  readonly #run = randomUUID().slice(0, 6)

  constructor(
    readonly adapter: TelephonyAdapter,
    readonly ports: PacerPorts,
    readonly settings: PacerSettings
  ) {
    this.#now = settings.now ?? Date.now
    this.#unsubscribe = adapter.onEvent((event) => this.#onEvent(event))
  }

  /**
   * Calls placed that have no agent yet and are not settled: ringing, or
   * answered and being given an agent. Each may still need one.
   */
  inFlight() {
    let count = 0
    for (const call of this.#calls.values()) if (!call.agent && !call.settled) count++
    return count
  }

  /** outcomes the dialer failed to take (its database busy…), kept for the next tick */
  unreported() {
    return this.#unreported.length
  }

  /** one pacing step; a tick asked for while one runs places nothing */
  async tick(): Promise<PacingDecision> {
    if (this.#ticking)
      return { calls: 0, dialLevel: 0, reason: 'the previous tick is still running' }
    this.#ticking = true
    try {
      return await this.#step()
    } finally {
      this.#ticking = false
    }
  }

  /** hands the dialer again the outcomes it could not take; a pacer winding down calls it alone */
  async flush() {
    for (const { contactId, outcome } of this.#unreported.splice(0)) {
      await this.#report(contactId, outcome)
    }
  }

  async #step(): Promise<PacingDecision> {
    await this.flush()
    if (this.adapter.connection().state === 'down') {
      return { calls: 0, dialLevel: 0, reason: 'telephony down: no new calls' }
    }
    const agents = await this.ports.freeAgents()
    const free = agents.filter((agent) => !this.#busy.has(agent.agentId))
    const decision = paceCalls(
      {
        agentsFree: free.length,
        callsInFlight: this.inFlight(),
        recent: this.window.stats(this.#now()),
      },
      this.settings
    )
    if (decision.calls === 0) return decision
    for (const contact of await this.ports.claim(decision.calls)) await this.#dial(contact)
    return decision
  }

  stop() {
    this.#unsubscribe()
  }

  async #dial(contact: ClaimedContact) {
    const correlationId = `c${this.settings.campaignId}-k${contact.contactId}-${this.#run}${++this.#attempt}`
    const call: PacedCall = { contactId: contact.contactId, answered: false, settled: false }
    this.#calls.set(correlationId, call)
    try {
      await this.adapter.originate({
        to: contact.phone,
        callerId: this.settings.callerId,
        correlationId,
      })
    } catch (error) {
      // an uncertain call stays: its hangup (or `lost`) settles it
      if (error instanceof TableroError && error.code === 'TELEPHONY_UNCERTAIN') return
      this.#calls.delete(correlationId)
      const code = error instanceof TableroError ? error.code : 'TELEPHONY_FAILED'
      await this.#report(contact.contactId, {
        kind: 'failed',
        code,
        message: (error as Error).message,
      })
    }
  }

  #settle(call: PacedCall, outcome: AttemptOutcome) {
    if (call.settled) return
    call.settled = true
    void this.#report(call.contactId, outcome)
  }

  /** hands an outcome to the dialer; one it could not take is handed again on the next tick */
  async #report(contactId: number, outcome: AttemptOutcome) {
    try {
      await this.ports.settle(contactId, outcome)
    } catch {
      this.#unreported.push({ contactId, outcome })
    }
  }

  #onEvent(event: TelephonyEvent) {
    if (event.type === 'connection') return
    const call = this.#calls.get(event.callId)
    if (!call) return
    const now = this.#now()
    switch (event.type) {
      case 'answered': {
        call.answered = true
        // answering-machine detection may follow at once: decide after it
        setImmediate(() => void this.#putThrough(event.callId, call))
        return
      }
      case 'machine':
        if (call.agent) return
        this.window.record('unanswered', now)
        this.#settle(call, { kind: 'machine', callId: event.callId })
        void this.adapter.hangup(event.callId).catch(() => {})
        return
      case 'bridged':
        this.window.record('answered', now)
        this.#settle(call, {
          kind: 'connected',
          agentId: event.agentId,
          callId: event.callId,
        })
        return
      case 'hangup':
        this.#calls.delete(event.callId)
        if (call.agent) this.#busy.delete(call.agent.agentId)
        if (!call.answered) {
          this.window.record('unanswered', now)
          this.#settle(call, {
            kind: 'unanswered',
            cause: event.cause,
            callId: event.callId,
          })
        } else if (!call.settled) {
          // answered, then gone before reaching an agent: the client waited for nobody
          this.window.record('abandoned', now)
          this.#settle(call, { kind: 'abandoned', callId: event.callId })
        }
    }
  }

  /** the answered call goes to an agent free now, or is abandoned when there is none */
  async #putThrough(callId: string, call: PacedCall) {
    if (call.settled || !this.#calls.has(callId)) return
    let free: AgentLeg[] = []
    try {
      free = await this.ports.freeAgents()
    } catch {
      // no agent known: treated as none free
    }
    if (call.settled || !this.#calls.has(callId)) return
    const agent = free.find((candidate) => !this.#busy.has(candidate.agentId))
    if (!agent) {
      this.window.record('abandoned', this.#now())
      this.#settle(call, { kind: 'abandoned', callId })
      void this.adapter.hangup(callId).catch(() => {})
      return
    }
    this.#busy.add(agent.agentId)
    call.agent = agent
    this.adapter.bridge(callId, agent).catch(() => {
      // the agent's leg failed: the client is not left waiting
      void this.adapter.hangup(callId).catch(() => {})
    })
  }
}

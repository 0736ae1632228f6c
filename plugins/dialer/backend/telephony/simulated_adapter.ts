import { TableroError } from '#sdk'
import { CallBook, checkOriginate, unknownCall } from './call_book.ts'
import type { SimulatedConfig } from './config.ts'
import type { AgentLeg, OriginateRequest, TelephonyAdapter } from './types.ts'

export type SimulatedFate = 'answered' | 'machine' | 'busy' | 'no-answer'

/** FNV-1a over the text, then a final mix: a uniform number in [0, 1) per text. */
function uniform(text: string) {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return (hash >>> 0) / 2 ** 32
}

/**
 * What happens to a call, from the seed and the call's correlation id only:
 * the same attempt meets the same fate in every run and in any order, and
 * over many calls the shares follow the configured rates.
 */
export function simulatedFate(
  config: Pick<SimulatedConfig, 'seed' | 'answerRate' | 'machineRate' | 'busyRate'>,
  correlationId: string
): SimulatedFate {
  const draw = uniform(`${config.seed}:${correlationId}`)
  if (draw < config.answerRate) return 'answered'
  if (draw < config.answerRate + config.machineRate) return 'machine'
  if (draw < config.answerRate + config.machineRate + config.busyRate) return 'busy'
  return 'no-answer'
}

/**
 * A telephony platform in memory, for the demo and the tests: each call rings
 * after one `delayMs`, then is answered, taken by a machine, busy or rings
 * out, as `simulatedFate` says, with the same events Asterisk gives. A call
 * placed for an agent is bridged to that agent when answered, as with ARI.
 */
export class SimulatedTelephony implements TelephonyAdapter {
  readonly kind = 'simulated' as const
  readonly #book = new CallBook()
  readonly #timers = new Map<string, Set<NodeJS.Timeout>>()
  readonly #bridging = new Set<string>()

  constructor(readonly config: SimulatedConfig) {}

  #started = false

  /** the simulated platform is always reachable: one `up` for the wallboard */
  async start() {
    if (this.#started) return
    this.#started = true
    this.#book.emit({ type: 'connection', state: 'up', reconciled: 0 })
  }

  onEvent(listener: Parameters<TelephonyAdapter['onEvent']>[0]) {
    return this.#book.onEvent(listener)
  }

  liveCalls() {
    return this.#book.ids()
  }

  connection() {
    return this.#book.connection
  }

  async originate(request: OriginateRequest) {
    const checked = checkOriginate(request)
    const callId = checked.correlationId
    if (this.#book.get(callId)) {
      throw new TableroError('CALL_EXISTS', `Call "${callId}" is already in progress`, 409)
    }
    this.#book.open(callId, checked)
    const step = this.config.delayMs
    const fate = simulatedFate(this.config, callId)
    // Each step is timed from the one before it, never from the originate: two
    // timers of 1 and 2 ms set together fired out of order on a loaded machine,
    // and the call was answered before it rang.
    this.#later(callId, step, () => {
      this.#book.advance(callId, 'ringing')
      if (fate === 'answered' || fate === 'machine') {
        // answering-machine detection reports right after the pick-up, as AMD does
        this.#later(callId, step, () => {
          this.#book.advance(callId, 'answered')
          if (fate === 'machine') this.#book.advance(callId, 'machine')
          // a call placed for an agent goes to that agent at once
          if (checked.agent) void this.bridge(callId, checked.agent).catch(() => {})
        })
      } else if (fate === 'busy') {
        this.#later(callId, step, () => this.#end(callId, 'busy', 17))
      } else {
        const ringMs = Math.min((checked.ringTimeoutSec ?? 30) * 1000, 3 * step)
        this.#later(callId, Math.max(ringMs, 2 * step) - step, () =>
          this.#end(callId, 'no-answer', 19)
        )
      }
    })
    return { callId, correlationId: checked.correlationId }
  }

  async bridge(callId: string, agent: AgentLeg) {
    const call = this.#book.get(callId)
    if (!call) throw unknownCall(callId)
    if (call.state === 'bridged' || this.#bridging.has(callId)) {
      throw new TableroError('CALL_BRIDGED', `Call "${callId}" is already with an agent`, 409)
    }
    if (call.state !== 'answered' && call.state !== 'machine') {
      throw new TableroError('CALL_NOT_ANSWERED', `Call "${callId}" has not been answered`, 409)
    }
    call.agent = agent
    this.#bridging.add(callId)
    this.#later(callId, 0, () => {
      this.#bridging.delete(callId)
      this.#book.advance(callId, 'bridged', agent.agentId)
    })
  }

  async hangup(callId: string) {
    this.#end(callId, 'normal', 16)
  }

  async stop() {
    for (const timers of this.#timers.values()) for (const timer of timers) clearTimeout(timer)
    this.#timers.clear()
  }

  #end(callId: string, cause: 'normal' | 'busy' | 'no-answer', causeCode: number) {
    for (const timer of this.#timers.get(callId) ?? []) clearTimeout(timer)
    this.#timers.delete(callId)
    this.#bridging.delete(callId)
    this.#book.end(callId, cause, { causeCode })
  }

  #later(callId: string, ms: number, run: () => void) {
    const timers = this.#timers.get(callId) ?? new Set()
    this.#timers.set(callId, timers)
    const timer = setTimeout(() => {
      timers.delete(timer)
      run()
    }, ms)
    timers.add(timer)
  }
}

import { TableroError } from '#sdk'
import type { AriConfig } from '../config.ts'
import type { AgentLeg } from '../types.ts'
import { query, type AriRest } from './ari_rest.ts'

/** an agent's leg of a call: called, then in the call's bridge */
export interface AgentSide {
  callId: string
  agent: AgentLeg
  bridged: boolean
}

export const ariPath = (...parts: string[]) => `/${parts.map(encodeURIComponent).join('/')}`
const bridgeOf = (callId: string) => `tablero-${callId}`
const legOf = (callId: string) => `${callId}-agent`

/**
 * The agent's side of the calls on Asterisk: a mixing bridge per call
 * (`tablero-<call>`) holding the client's channel, and the agent's leg
 * (`<call>-agent`) called into the app with `appArgs=agent,<call>` and added
 * to the bridge when it answers. Each side is torn down once, whoever asks.
 */
export class AriAgentSides {
  /** by the agent leg's channel id */
  readonly #sides = new Map<string, AgentSide>()
  readonly #drops = new Map<string, Promise<unknown>>()

  constructor(
    readonly rest: AriRest,
    readonly config: AriConfig
  ) {}

  /** the side an agent leg's channel belongs to */
  byLeg(channelId: string) {
    return this.#sides.get(channelId)
  }

  /** bridges the client's channel and calls the agent into it */
  async call(callId: string, clientPhone: string, agent: AgentLeg) {
    const legId = legOf(callId)
    if (this.#sides.has(legId)) {
      throw new TableroError(
        'CALL_BRIDGED',
        `Call "${callId}" is already being put through to an agent`,
        409
      )
    }
    this.#sides.set(legId, { callId, agent, bridged: false })
    try {
      const bridgeId = bridgeOf(callId)
      await this.rest.call({
        method: 'POST',
        path: ariPath('bridges', bridgeId) + query({ type: 'mixing' }),
        idempotent: true,
      })
      await this.rest.call({
        method: 'POST',
        path: ariPath('bridges', bridgeId, 'addChannel') + query({ channel: callId }),
        idempotent: true,
      })
      await this.rest.call({
        method: 'POST',
        path:
          ariPath('channels', legId) +
          query({
            endpoint: this.config.agentEndpoint.replace('{extension}', agent.extension),
            app: this.config.app,
            appArgs: `agent,${callId}`,
            callerId: clientPhone,
          }),
      })
    } catch (error) {
      this.#sides.delete(legId)
      throw error
    }
  }

  /** the agent answered (their leg entered the app): into the bridge */
  join(legId: string) {
    const side = this.#sides.get(legId)
    if (!side) return
    this.rest
      .call({
        method: 'POST',
        path: ariPath('bridges', bridgeOf(side.callId), 'addChannel') + query({ channel: legId }),
        idempotent: true,
      })
      .catch(() => {
        // the agent's leg could not join: the call stays answered, the dialer's timeout acts
      })
  }

  /** the agent's leg is in the bridge: the side, the first time only */
  joined(legId: string) {
    const side = this.#sides.get(legId)
    if (!side || side.bridged) return undefined
    side.bridged = true
    return side
  }

  /** the agent's leg is gone: forget it, answering the side it was */
  left(legId: string) {
    const side = this.#sides.get(legId)
    this.#sides.delete(legId)
    return side
  }

  /** hangs up the agent's leg and destroys the bridge */
  drop(callId: string) {
    const legId = legOf(callId)
    const running = this.#drops.get(callId)
    if (running) return running
    if (!this.#sides.delete(legId)) return Promise.resolve()
    const drop = Promise.allSettled([
      this.rest.call({ method: 'DELETE', path: ariPath('channels', legId), missingIsNull: true }),
      this.rest.call({
        method: 'DELETE',
        path: ariPath('bridges', bridgeOf(callId)),
        missingIsNull: true,
      }),
    ]).finally(() => this.#drops.delete(callId))
    this.#drops.set(callId, drop)
    return drop
  }
}

import { TableroError } from '#sdk'
import { CallBook, checkOriginate, unknownCall } from '../call_book.ts'
import type { AriConfig } from '../config.ts'
import type { AgentLeg, OriginateRequest, TelephonyAdapter, TelephonyListener } from '../types.ts'
import { hangupCause, readAriEvent, type AriEvent } from './ari_causes.ts'
import { AriAgentSides, ariPath as path } from './ari_agent_sides.ts'
import { AriEventStream } from './ari_event_stream.ts'
import { AriRest, query } from './ari_rest.ts'

/**
 * Asterisk through ARI. A call is `POST /ari/channels/<correlation id>` into
 * the Stasis app, so the channel's id is the dialer's own key; bridging makes
 * a mixing bridge, adds the client's channel, and calls the agent's extension
 * into the app (`appArgs=agent,<call>`), adding that leg when it answers. A
 * call placed for an agent (click-to-call, preview) is bridged to that agent
 * as soon as it is answered; when the agent's leg hangs up, the call ends.
 *
 * Events come over the WebSocket. After each (re)connect, and every
 * `reconcileMs` while connected, the live channels are listed and every call
 * the adapter holds is brought up to date, or ended as `lost` when Asterisk
 * no longer has it: no call is left ringing forever in the dialer's books,
 * even when an event was lost without the socket dropping.
 */
export class AriTelephony implements TelephonyAdapter {
  readonly kind = 'asterisk-ari' as const
  readonly #book = new CallBook()
  readonly #rest: AriRest
  readonly #stream: AriEventStream
  readonly #agents: AriAgentSides
  #sweep?: NodeJS.Timeout

  constructor(readonly config: AriConfig) {
    this.#rest = new AriRest(config)
    this.#agents = new AriAgentSides(this.#rest, config)
    const ws = new URL(config.url)
    ws.protocol = ws.protocol === 'https:' ? 'wss:' : 'ws:'
    ws.pathname = `${ws.pathname.replace(/\/+$/, '')}/ari/events`
    ws.search = query({ app: config.app, subscribeAll: 'false' })
    this.#stream = new AriEventStream({
      url: ws.toString(),
      authorization: this.#rest.authorization,
      delayMs: config.reconnectMs,
      maxDelayMs: config.reconnectMaxMs,
      onEvent: (event) => this.#onAriEvent(event),
      onUp: () => this.#reconcile(),
      onDown: (attempt, delayMs, reason) =>
        this.#book.emit({ type: 'connection', state: 'down', attempt, delayMs, reason }),
    })
  }

  start() {
    if (!this.#sweep && this.config.reconcileMs > 0) {
      this.#sweep = setInterval(() => {
        if (this.#stream.connected)
          void this.#reconcile(false).catch(() => this.#stream.reconnect())
      }, this.config.reconcileMs)
      this.#sweep.unref()
    }
    return this.#stream.start()
  }

  async stop() {
    clearInterval(this.#sweep)
    this.#sweep = undefined
    this.#stream.stop()
  }

  onEvent(listener: TelephonyListener) {
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
    void this.start()
    const callId = checked.correlationId
    if (this.#book.get(callId)) {
      throw new TableroError('CALL_EXISTS', `Call "${callId}" is already in progress`, 409)
    }
    this.#book.open(callId, checked)
    try {
      await this.#rest.call({
        method: 'POST',
        path:
          path('channels', callId) +
          query({
            endpoint: this.config.endpoint.replace('{to}', checked.to),
            app: this.config.app,
            appArgs: 'client',
            callerId: checked.callerId,
            timeout: checked.ringTimeoutSec ?? 30,
          }),
        json: {
          variables: {
            TABLERO_CORRELATION_ID: callId,
            ...(checked.agent ? { TABLERO_AGENT: checked.agent.extension } : {}),
          },
        },
      })
    } catch (error) {
      await this.#settleFailedOriginate(callId, error)
    } finally {
      const call = this.#book.get(callId)
      if (call) call.sending = false
    }
    return { callId, correlationId: callId }
  }

  /**
   * A POST that got no answer may still have placed the call (one that
   * could not even connect did not): ask Asterisk. Placed, the call goes on
   * (its events follow); not placed, it leaves the books and the error is the
   * caller's; unknown (Asterisk still silent), it stays in the books for the
   * next reconciliation and the caller hears `TELEPHONY_UNCERTAIN`, so it
   * waits for the call's hangup before dialing that contact again.
   */
  async #settleFailedOriginate(callId: string, error: unknown): Promise<void> {
    const unanswered = error instanceof TableroError && error.code === 'TELEPHONY_UNAVAILABLE'
    if (!unanswered || error.params.reached === 'no') {
      this.#book.forget(callId)
      throw error
    }
    let channel
    try {
      channel = await this.#rest.channel(callId)
    } catch {
      throw new TableroError(
        'TELEPHONY_UNCERTAIN',
        `${error.message}; the call may have been placed: wait for its hangup event before dialing again`,
        503
      )
    }
    if (channel) return
    this.#book.forget(callId)
    throw error
  }

  async bridge(callId: string, agent: AgentLeg) {
    const call = this.#book.get(callId)
    if (!call) throw unknownCall(callId)
    if (call.state === 'bridged') {
      throw new TableroError('CALL_BRIDGED', `Call "${callId}" is already with an agent`, 409)
    }
    if (call.state !== 'answered' && call.state !== 'machine') {
      throw new TableroError('CALL_NOT_ANSWERED', `Call "${callId}" has not been answered`, 409)
    }
    await this.#agents.call(callId, call.to, agent)
    call.agent = agent
  }

  async hangup(callId: string) {
    const gone = await this.#rest.call({
      method: 'DELETE',
      path: path('channels', callId) + query({ reason_code: 16 }),
      missingIsNull: true,
    })
    await this.#agents.drop(callId)
    // already gone on Asterisk's side and its end not heard yet: end it here
    if (gone === null) this.#book.end(callId, 'normal', { causeCode: 16 })
  }

  /** answered: a call placed for an agent goes to that agent at once */
  #answered(callId: string) {
    if (!this.#book.advance(callId, 'answered')) return
    const agent = this.#book.get(callId)?.agent
    if (!agent) return
    this.bridge(callId, agent).catch(() => {
      // the agent cannot be reached: end the call rather than leave the client in silence
      void this.hangup(callId).catch(() => {})
    })
  }

  #onAriEvent(event: AriEvent) {
    const step = readAriEvent(event)
    if (!step) return
    switch (step.step) {
      case 'ringing':
      case 'machine':
        this.#book.advance(step.channelId, step.step)
        return
      case 'answered':
        this.#answered(step.channelId)
        return
      case 'agent-ready':
        this.#agents.join(step.channelId)
        return
      case 'entered-bridge': {
        const side = this.#agents.joined(step.channelId)
        if (side) this.#book.advance(side.callId, 'bridged', side.agent.agentId)
        return
      }
      case 'destroyed': {
        // the agent hung up: a call in progress ends with them; one still waiting for them stays
        const side = this.#agents.left(step.channelId)
        if (side?.bridged) void this.hangup(side.callId).catch(() => {})
        if (!side) this.#ended(step.channelId, step.causeCode)
      }
    }
  }

  #ended(callId: string, causeCode: number | undefined) {
    const call = this.#book.get(callId)
    if (!call) return
    const answered = call.state !== 'dialing' && call.state !== 'ringing'
    this.#book.end(callId, hangupCause(causeCode, answered), { causeCode })
    void this.#agents.drop(callId)
  }

  /**
   * Compares every call sent before the listing was asked for with
   * Asterisk's live channels. A call found moves to the state Asterisk
   * reports; a call missing ended while nobody heard it.
   */
  async #reconcile(announce = true) {
    const held = this.#book.sent()
    const channels = await this.#rest.channels()
    const live = new Map(channels.map((channel) => [channel.id, channel]))
    let ended = 0
    for (const callId of held) {
      const channel = live.get(callId)
      if (!channel) {
        if (this.#book.get(callId)) ended++
        this.#book.end(callId, 'lost', { reconciled: true })
        void this.#agents.drop(callId)
      } else if (channel.state === 'Up') {
        this.#answered(callId)
      } else if (channel.state === 'Ringing') {
        this.#book.advance(callId, 'ringing')
      }
    }
    if (announce) this.#book.emit({ type: 'connection', state: 'up', reconciled: ended })
  }
}

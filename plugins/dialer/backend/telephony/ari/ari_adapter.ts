import { TableroError } from '#sdk'
import { CallBook, checkOriginate, unknownCall } from '../call_book.ts'
import type { AriConfig } from '../config.ts'
import type { AgentLeg, OriginateRequest, TelephonyAdapter, TelephonyListener } from '../types.ts'
import { hangupCause, readAriEvent, type AriEvent } from './ari_causes.ts'
import { AriEventStream } from './ari_event_stream.ts'
import { AriRest, query } from './ari_rest.ts'

const agentLeg = (callId: string) => `${callId}-agent`
const bridgeOf = (callId: string) => `tablero-${callId}`

/**
 * Asterisk through ARI. A call is `POST /ari/channels/<correlation id>` into
 * the Stasis app, so the channel's id is the dialer's own key; bridging makes
 * a mixing bridge, adds the client's channel, and calls the agent's extension
 * into the app (`appArgs=agent,<call>`), adding that leg when it answers.
 * Events come over the WebSocket; after each reconnect the live channels are
 * listed and every call the adapter still holds is brought up to date, or
 * ended as `lost` when Asterisk no longer has it: no call is left ringing
 * forever in the dialer's books.
 */
export class AriTelephony implements TelephonyAdapter {
  readonly kind = 'asterisk-ari' as const
  readonly #book = new CallBook()
  readonly #rest: AriRest
  readonly #stream: AriEventStream
  readonly #pendingAgents = new Map<string, AgentLeg>()

  constructor(readonly config: AriConfig) {
    this.#rest = new AriRest(config)
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
    return this.#stream.start()
  }

  async stop() {
    this.#stream.stop()
  }

  onEvent(listener: TelephonyListener) {
    return this.#book.onEvent(listener)
  }

  liveCalls() {
    return this.#book.ids()
  }

  async originate(request: OriginateRequest) {
    const checked = checkOriginate(request)
    void this.start()
    const callId = checked.correlationId
    if (this.#book.get(callId)) {
      throw new TableroError('CALL_EXISTS', `Call "${callId}" is already in progress`, 409)
    }
    this.#book.open(callId, checked)
    const path =
      `/channels/${encodeURIComponent(callId)}` +
      query({
        endpoint: this.config.endpoint.replace('{to}', checked.to),
        app: this.config.app,
        appArgs: 'client',
        callerId: checked.callerId,
        timeout: checked.ringTimeoutSec ?? 30,
      })
    try {
      await this.#rest.call({
        method: 'POST',
        path,
        json: {
          variables: {
            TABLERO_CORRELATION_ID: callId,
            ...(checked.agent ? { TABLERO_AGENT: checked.agent.extension } : {}),
          },
        },
      })
    } catch (error) {
      await this.#settleFailedOriginate(callId, error)
    }
    return { callId, correlationId: callId }
  }

  /**
   * A POST that got no answer may still have placed the call (one that
   * could not even connect did not): ask Asterisk.
   * Placed, the call goes on (its events follow); not placed, it leaves the
   * books and the error is the caller's; unknown (Asterisk still silent), it
   * stays in the books for the next reconciliation and the caller hears
   * `TELEPHONY_UNCERTAIN`, so it waits for the call's hangup before retrying.
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
    if (call.state !== 'answered' && call.state !== 'machine') {
      throw new TableroError('CALL_NOT_ANSWERED', `Call "${callId}" has not been answered`, 409)
    }
    call.agent = agent
    const bridgeId = bridgeOf(callId)
    await this.#rest.call({
      method: 'POST',
      path: `/bridges/${encodeURIComponent(bridgeId)}${query({ type: 'mixing' })}`,
      idempotent: true,
    })
    await this.#rest.call({
      method: 'POST',
      path: `/bridges/${encodeURIComponent(bridgeId)}/addChannel${query({ channel: callId })}`,
      idempotent: true,
    })
    this.#pendingAgents.set(callId, agent)
    await this.#rest.call({
      method: 'POST',
      path:
        `/channels/${encodeURIComponent(agentLeg(callId))}` +
        query({
          endpoint: this.config.agentEndpoint.replace('{extension}', agent.extension),
          app: this.config.app,
          appArgs: `agent,${callId}`,
          callerId: call.to,
        }),
    })
  }

  async hangup(callId: string) {
    const call = this.#book.get(callId)
    const gone = await this.#rest.call({
      method: 'DELETE',
      path: `/channels/${encodeURIComponent(callId)}${query({ reason_code: 16 })}`,
      missingIsNull: true,
    })
    if (call?.agent) await this.#dropAgentSide(callId)
    // already gone on Asterisk's side and its end not heard yet: end it here
    if (gone === null && this.#book.get(callId)) this.#book.end(callId, 'normal', { causeCode: 16 })
  }

  async #dropAgentSide(callId: string) {
    this.#pendingAgents.delete(callId)
    await Promise.allSettled([
      this.#rest.call({
        method: 'DELETE',
        path: `/channels/${encodeURIComponent(agentLeg(callId))}`,
        missingIsNull: true,
      }),
      this.#rest.call({
        method: 'DELETE',
        path: `/bridges/${encodeURIComponent(bridgeOf(callId))}`,
        missingIsNull: true,
      }),
    ])
  }

  #onAriEvent(event: AriEvent) {
    const step = readAriEvent(event)
    if (!step) return
    switch (step.step) {
      case 'ringing':
      case 'answered':
      case 'machine':
        return this.#book.advance(step.channelId, step.step)
      case 'agent-ready':
        if (!this.#pendingAgents.has(step.callId)) return
        void this.#rest
          .call({
            method: 'POST',
            path: `/bridges/${encodeURIComponent(bridgeOf(step.callId))}/addChannel${query({ channel: step.channelId })}`,
            idempotent: true,
          })
          .catch(() => {
            // the agent's leg could not join: the call stays answered, the dialer's timeout acts
          })
        return
      case 'entered-bridge': {
        const callId = step.channelId.endsWith('-agent') ? step.channelId.slice(0, -6) : null
        const agent = callId ? this.#pendingAgents.get(callId) : undefined
        if (!callId || !agent) return
        this.#pendingAgents.delete(callId)
        return this.#book.advance(callId, 'bridged', agent.agentId)
      }
      case 'destroyed': {
        const call = this.#book.get(step.channelId)
        if (!call) return
        const answered = call.state !== 'dialing' && call.state !== 'ringing'
        this.#book.end(step.channelId, hangupCause(step.causeCode, answered), {
          causeCode: step.causeCode,
        })
        if (call.agent) void this.#dropAgentSide(step.channelId)
      }
    }
  }

  /**
   * After (re)connecting: every call held before the listing was asked for is
   * compared with Asterisk's live channels. A call found moves to the state
   * Asterisk reports; a call missing ended while nobody listened.
   */
  async #reconcile() {
    const held = this.#book.ids()
    const channels = await this.#rest.channels()
    const live = new Map(channels.map((channel) => [channel.id, channel]))
    let ended = 0
    for (const callId of held) {
      const channel = live.get(callId)
      if (!channel) {
        if (this.#book.get(callId)) ended++
        this.#book.end(callId, 'lost', { reconciled: true })
      } else if (channel.state === 'Up') {
        this.#book.advance(callId, 'answered')
      } else if (channel.state === 'Ringing') {
        this.#book.advance(callId, 'ringing')
      }
    }
    this.#book.emit({ type: 'connection', state: 'up', reconciled: ended })
  }
}

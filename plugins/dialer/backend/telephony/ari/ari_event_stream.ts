import type { AriEvent } from './ari_causes.ts'

export interface EventStreamOptions {
  /** `ws(s)://host:8088/ari/events?app=…` */
  url: string
  authorization: string
  /** first pause before a reconnect, doubled each failed try up to `maxDelayMs` */
  delayMs: number
  maxDelayMs: number
  onEvent: (event: AriEvent) => void
  /** the stream is (back) up: reconcile what was missed */
  onUp: () => Promise<void>
  onDown: (attempt: number, delayMs: number, reason: string) => void
}

/** The pause before reconnect try `attempt` (1, 2…): doubled each time, capped. */
export function backoffDelay(attempt: number, delayMs: number, maxDelayMs: number) {
  return Math.min(delayMs * 2 ** Math.max(0, attempt - 1), maxDelayMs)
}

/**
 * ARI's WebSocket half (Node's own WebSocket client): reconnects whenever the
 * socket closes or cannot open, with a doubling pause up to a cap, and says
 * so (`onDown`), so the wallboard can show the platform as down. Each time it
 * is up again, `onUp` runs before any new event is handed on, so events missed
 * while down are reconciled first.
 */
export class AriEventStream {
  #socket?: WebSocket
  #timer?: NodeJS.Timeout
  #attempt = 0
  #stopped = true
  #firstOpen?: Promise<void>

  constructor(readonly options: EventStreamOptions) {}

  /** opens the stream; resolves once the first try opened or failed (it keeps trying) */
  start() {
    if (!this.#stopped) return this.#firstOpen!
    this.#stopped = false
    this.#firstOpen = new Promise<void>((resolve) => this.#connect(resolve))
    return this.#firstOpen
  }

  /** whether the socket is open now */
  get connected() {
    return this.#socket?.readyState === WebSocket.OPEN
  }

  /** drops the socket (it looks alive but Asterisk does not answer): the usual reconnect follows */
  reconnect() {
    this.#socket?.close()
  }

  stop() {
    this.#stopped = true
    clearTimeout(this.#timer)
    this.#socket?.close()
    this.#socket = undefined
  }

  #connect(settled?: () => void) {
    if (this.#stopped) return settled?.()
    const socket = new WebSocket(this.options.url, {
      headers: { authorization: this.options.authorization },
    })
    this.#socket = socket
    let opened = false
    // events that arrive while reconciling wait for it, in order
    let ready: Promise<void> = Promise.resolve()
    socket.addEventListener('open', () => {
      opened = true
      ready = this.options.onUp().then(
        () => {
          // the backoff starts over only once Asterisk answered the reconciliation too
          this.#attempt = 0
        },
        () => {
          // a failed reconciliation drops the socket: the next open tries again, later
          socket.close()
        }
      )
      void ready.then(() => settled?.())
    })
    socket.addEventListener('message', (message) => {
      let event: AriEvent
      try {
        event = JSON.parse(String(message.data)) as AriEvent
      } catch {
        return
      }
      void ready.then(() => this.options.onEvent(event))
    })
    socket.addEventListener('close', (closed) => {
      if (this.#socket !== socket || this.#stopped) return settled?.()
      this.#socket = undefined
      const reason = opened
        ? `event stream closed (${closed.code})`
        : 'event stream could not connect'
      this.#attempt++
      const delay = backoffDelay(this.#attempt, this.options.delayMs, this.options.maxDelayMs)
      this.options.onDown(this.#attempt, delay, reason)
      if (!opened) settled?.()
      this.#timer = setTimeout(() => this.#connect(), delay)
    })
  }
}

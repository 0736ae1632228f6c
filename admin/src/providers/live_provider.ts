import type { LiveEvent, LiveProvider } from '@refinedev/core'
import { Transmit } from '@adonisjs/transmit-client'
import { readXsrfCookie } from '../api/csrf'

type Subscription = ReturnType<Transmit['subscription']>

let transmit: Transmit | null = null
/** channels whose server-side subscription is being deleted (the request is in flight) */
const deleting = new Map<string, Promise<void>>()

/**
 * One server-sent event connection per tab, opened with the first subscription (a signed-in
 * screen that listens): the session cookie signs the stream in, and the subscribe requests
 * carry the XSRF token like every other mutation.
 */
function connection() {
  transmit ??= new Transmit({
    baseUrl: window.location.origin,
    beforeSubscribe: (request) => withXsrf(request),
    beforeUnsubscribe: (request) => withXsrf(request),
  })
  return transmit
}

function withXsrf(request: Request) {
  const token = readXsrfCookie()
  if (token) request.headers.set('X-XSRF-TOKEN', token)
}

/**
 * Ends the tab's live connection (sign-in, sign-out, an expired session). The stream was
 * signed in when it opened and its subscriptions stay on the server while it lives, and the
 * unsubscribe requests sent after a sign-out are refused: without this, the next user of the
 * tab would hear the previous one's channel. The next subscription opens a fresh connection.
 */
export function closeLiveConnection() {
  transmit?.close()
  transmit = null
  deleting.clear()
}

interface Broadcast {
  type: string
  payload?: Record<string, unknown>
  date?: string
}

interface Handle {
  channel: string
  subscription: Subscription | null
  stop: () => void
  ended: boolean
}

/**
 * Refine's `liveProvider` over @adonisjs/transmit: a channel is a transmit channel
 * (`users/<id>`, the only one the server lets a user join is its own), and each broadcast is a
 * Refine live event. Screens listen with `useSubscription`.
 *
 * Screens share a channel: the server subscription is deleted when the last listener leaves.
 * A listener that arrives while that delete is in flight waits for it and subscribes again
 * (transmit's client would hand it the subscription being deleted, which then hears nothing).
 */
export const liveProvider: LiveProvider = {
  subscribe({ channel, types, callback }) {
    const handle: Handle = { channel, subscription: null, stop: () => {}, ended: false }
    const attach = () => {
      if (handle.ended) return
      const subscription = connection().subscription(channel)
      handle.subscription = subscription
      handle.stop = subscription.onMessage<Broadcast>((message) => {
        if (!types.includes('*') && !types.includes(message.type)) return
        const event: LiveEvent = {
          channel,
          type: message.type,
          payload: message.payload ?? {},
          date: message.date ? new Date(message.date) : new Date(),
        }
        callback(event)
      })
      void subscription.create().catch(() => {})
    }
    const pending = deleting.get(channel)
    if (pending) void pending.then(attach)
    else attach()
    return handle
  },
  unsubscribe(handle: Handle) {
    handle.ended = true
    handle.stop()
    const subscription = handle.subscription
    if (!subscription || subscription.handlerCount > 0 || deleting.has(handle.channel)) return
    const done: Promise<void> = subscription
      .delete()
      .catch(() => {})
      .finally(() => {
        if (deleting.get(handle.channel) === done) deleting.delete(handle.channel)
      })
    deleting.set(handle.channel, done)
  },
}

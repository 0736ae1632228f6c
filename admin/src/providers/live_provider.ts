import type { LiveEvent, LiveProvider } from '@refinedev/core'
import { Transmit } from '@adonisjs/transmit-client'
import { readXsrfCookie } from '../api/csrf'

let transmit: Transmit | null = null

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

interface Broadcast {
  type: string
  payload?: Record<string, unknown>
  date?: string
}

/**
 * Refine's `liveProvider` over @adonisjs/transmit: a channel is a transmit channel
 * (`users/<id>`, the only one the server lets a user join is its own), and each broadcast is a
 * Refine live event. Screens listen with `useSubscription`.
 */
export const liveProvider: LiveProvider = {
  subscribe({ channel, types, callback }) {
    const subscription = connection().subscription(channel)
    const stop = subscription.onMessage<Broadcast>((message) => {
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
    return { subscription, stop }
  },
  unsubscribe(handle: { subscription: ReturnType<Transmit['subscription']>; stop: () => void }) {
    handle.stop()
    if (handle.subscription.handlerCount === 0) void handle.subscription.delete().catch(() => {})
  },
}

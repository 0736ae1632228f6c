import type { ServerResponse } from 'node:http'
import app from '@adonisjs/core/services/app'
import transmit from '@adonisjs/transmit/services/main'

/**
 * The server-sent event streams this process holds open (@adonisjs/transmit, one per browser
 * tab that listens). A stream never ends on its own, and Node's `server.close()` waits for every
 * response in progress: one tab left open kept a node from stopping on SIGTERM and the test
 * server from closing after the browser suite. Ending them first lets the server close; the
 * browsers' EventSource reconnects (to another node, or to this one once it is back).
 * transmit's own `shutdown()` stops its ping and its Redis bus, not the streams.
 */
const open = new Set<ServerResponse>()
let watching = false

export const LiveStreams = {
  /** Starts counting the streams as they open (routes.ts, once, beside the stream's route). */
  watch() {
    if (watching) return
    watching = true
    transmit.on('connect', ({ context }) => {
      const response = context.response.response
      if (response.writableEnded || response.destroyed) return
      open.add(response)
      response.once('close', () => open.delete(response))
    })
    // Terminating hooks run last-registered first: registered once the app is ready, this one
    // runs before the HTTP server's own hook (added while it starts), whose close would wait.
    void app.ready(() => {
      app.terminating(() => LiveStreams.closeAll())
    })
  },

  /** The streams open now. */
  get count() {
    return open.size
  },

  /** Ends every open stream, so that closing the HTTP server does not wait for them. */
  closeAll() {
    for (const response of open) response.destroy()
    open.clear()
  },
}

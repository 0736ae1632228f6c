/**
 * The requests the HTTP server is answering now (RequestLoadMiddleware
 * counts them; a live event stream is not counted), so that background
 * work in the same process (an import, an assignment) steps aside for
 * them: on SQLite every read waits for the one connection, and on any
 * database they share the process's one thread.
 */
let inFlight = 0

/** How long background work waits at most, at one yield, for the requests in flight. */
export const YIELD_MAX_WAIT_MS = 25
const POLL_MS = 1

export const RequestLoad = {
  started() {
    inFlight += 1
  },
  ended() {
    inFlight = Math.max(0, inFlight - 1)
  },
  get inFlight() {
    return inFlight
  },
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))
const pause = () => new Promise((resolve) => setTimeout(resolve, POLL_MS))

/**
 * Lets the requests that queued up meanwhile run: one turn of the event
 * loop, then, while requests are being answered, short pauses up to
 * YIELD_MAX_WAIT_MS, so a list an agent asks for during an import does not
 * take turns with the import's batches.
 */
export async function yieldToRequests(maxWaitMs = YIELD_MAX_WAIT_MS) {
  await nextTurn()
  const until = performance.now() + maxWaitMs
  while (inFlight > 0 && performance.now() < until) await pause()
}

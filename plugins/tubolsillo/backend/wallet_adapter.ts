import { AdapterError, defineAdapter, type HttpClient } from '#sdk'

export type WalletAction = 'activate' | 'deactivate'

/** What the wallet service said of one toggle; `pending` when it has not settled (or we could not tell). */
export interface WalletAnswer {
  status: 'confirmed' | 'failed' | 'pending'
  /** why it failed, or why it is still pending (a timeout, a malformed answer) */
  error?: string
}

export interface WalletToggle {
  clientId: number
  action: WalletAction
  /** the toggle's own key: the service carries out a key once, so a resend is safe */
  idempotencyKey: string
}

/** The wallet service as the plugin uses it (W3). */
export interface WalletPort {
  /** asks the service to switch the wallet; never throws for the service's own answers */
  toggle(request: WalletToggle): Promise<WalletAnswer>
  /** what became of a toggle sent before (a timed-out one): `unknown` when the service never got it */
  check(idempotencyKey: string): Promise<WalletAnswer | { status: 'unknown' }>
}

const SETTLED = new Set(['confirmed', 'failed', 'pending'])

/** Reads the service's `{ status, error? }`; anything else is malformed, which settles nothing. */
function readAnswer(client: HttpClient, status: number, body: unknown, text: string): WalletAnswer {
  const answer = body as { status?: unknown; error?: unknown } | undefined
  const error =
    answer && typeof answer.error === 'string'
      ? client.redact(answer.error).slice(0, 400)
      : undefined
  if (status >= 400 && status < 500) {
    // the service refused the toggle (unknown client, blocked wallet…): a definite failure
    return { status: 'failed', error: error ?? `HTTP ${status}` }
  }
  if (status >= 500) return { status: 'pending', error: `HTTP ${status}` }
  if (answer && typeof answer.status === 'string' && SETTLED.has(answer.status)) {
    const settled = answer.status as WalletAnswer['status']
    if (settled === 'failed') return { status: 'failed', error: error ?? 'refused' }
    return { status: settled }
  }
  return {
    status: 'pending',
    error: `malformed answer: ${client.redact(text).slice(0, 200)}`,
  }
}

function pendingFrom(error: unknown): WalletAnswer {
  if (error instanceof AdapterError)
    return { status: 'pending', error: error.message.slice(0, 400) }
  throw error
}

/**
 * The wallet service over HTTP (`TUBOLSILLO_HTTP_URL`, `TUBOLSILLO_HTTP_TOKEN`,
 * `TUBOLSILLO_HTTP_TIMEOUT_MS`):
 * - `POST /wallets/:clientId/:action` with the toggle's `idempotency-key`:
 *   the service carries a key out once, so the call is marked idempotent and
 *   retried on no answer, 429 and 5xx;
 * - `GET /toggles/:key` for a toggle whose answer was lost.
 * No answer, a 5xx or a malformed answer leaves the toggle pending (a check
 * settles it later); a 4xx or `{ status: 'failed' }` is a failure.
 */
function httpWallet(client: HttpClient): WalletPort {
  return {
    async toggle({ clientId, action, idempotencyKey }) {
      try {
        const answer = await client.request({
          method: 'POST',
          path: `/wallets/${clientId}/${action}`,
          json: { clientId, action, idempotencyKey },
          headers: { 'idempotency-key': idempotencyKey },
          idempotent: true,
        })
        return readAnswer(client, answer.status, answer.json(), answer.text)
      } catch (error) {
        return pendingFrom(error)
      }
    },
    async check(idempotencyKey) {
      try {
        const answer = await client.request({
          method: 'GET',
          path: `/toggles/${encodeURIComponent(idempotencyKey)}`,
        })
        if (answer.status === 404) return { status: 'unknown' }
        return readAnswer(client, answer.status, answer.json(), answer.text)
      } catch (error) {
        return pendingFrom(error)
      }
    },
  }
}

/** The demo's wallet: in memory, confirms every toggle (and remembers it by key). */
const localToggles = new Map<string, WalletAnswer>()
function localWallet(): WalletPort {
  return {
    async toggle({ idempotencyKey }) {
      const answer: WalletAnswer = { status: 'confirmed' }
      localToggles.set(idempotencyKey, answer)
      return answer
    },
    async check(idempotencyKey) {
      return localToggles.get(idempotencyKey) ?? { status: 'unknown' }
    },
  }
}

export const wallet = defineAdapter<WalletPort>({
  name: 'tubolsillo',
  local: localWallet,
  http: httpWallet,
  timeoutMs: 5_000,
  retries: 2,
})

import { AdapterError, HttpClient, TableroError, type HttpRequest } from '#sdk'
import type { AriConfig } from '../config.ts'

/**
 * Connection failures that prove the request never reached Asterisk (the
 * SDK's HttpClient names the system error in its message); a time-out or a
 * reset connection may have been carried out.
 */
const NOT_REACHED = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/

export interface AriChannel {
  id: string
  state: string
}

/**
 * Asterisk's REST half: every call has the configured time-out (the SDK's
 * HttpClient), credentials go as HTTP basic auth and never reach a log line
 * or an error. No answer is a 503 `TELEPHONY_UNAVAILABLE`; an answer Asterisk
 * refuses is a 502 `TELEPHONY_REFUSED` with its status and message.
 */
export class AriRest {
  readonly #client: HttpClient
  readonly #authorization: string

  constructor(readonly config: AriConfig) {
    const basic = Buffer.from(`${config.user}:${config.password}`).toString('base64')
    this.#authorization = `Basic ${basic}`
    this.#client = new HttpClient({
      adapter: 'dialer-telephony',
      url: `${config.url}/ari`,
      timeoutMs: config.timeoutMs,
      retries: 1,
      retryDelayMs: 100,
      secrets: [config.password, basic],
    })
  }

  get authorization() {
    return this.#authorization
  }

  /** the answer, or null on 404 when `missingIsNull` */
  async call<T>(request: HttpRequest & { missingIsNull?: boolean }): Promise<T | null> {
    let answer
    try {
      answer = await this.#client.request({
        ...request,
        headers: { ...request.headers, authorization: this.#authorization },
      })
    } catch (error) {
      if (error instanceof AdapterError) {
        throw new TableroError(
          'TELEPHONY_UNAVAILABLE',
          `Asterisk (ARI) did not answer: ${error.message}`,
          503,
          undefined,
          { reached: NOT_REACHED.test(error.message) ? 'no' : 'maybe' }
        )
      }
      throw error
    }
    if (answer.status === 404 && request.missingIsNull) return null
    if (!answer.ok) {
      const body = answer.json<{ message?: string; error?: string }>()
      const said = this.#client
        .redact(String(body?.message ?? body?.error ?? answer.text))
        .slice(0, 200)
      throw new TableroError(
        'TELEPHONY_REFUSED',
        `Asterisk (ARI) refused ${request.method ?? 'GET'} ${request.path}: HTTP ${answer.status} ${said}`,
        502
      )
    }
    return (answer.json<T>() ?? null) as T | null
  }

  channels() {
    return this.call<AriChannel[]>({ method: 'GET', path: '/channels' }).then((list) => list ?? [])
  }

  channel(id: string) {
    return this.call<AriChannel>({
      method: 'GET',
      path: `/channels/${encodeURIComponent(id)}`,
      missingIsNull: true,
    })
  }
}

/** `?a=1&b=2` from the defined values */
export function query(values: Record<string, string | number | undefined>) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) params.set(key, String(value))
  }
  return `?${params.toString()}`
}

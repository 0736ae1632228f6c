import logger from '@adonisjs/core/services/logger'
import { redactSecrets } from './secret_redaction.ts'

export interface HttpClientOptions {
  /** the adapter's name, in log lines and errors */
  adapter: string
  /** the service's base URL; a request's `path` is appended to it */
  url: string
  /** sent as `authorization: Bearer <token>`; never logged */
  token?: string
  /** per attempt (default 10 s) */
  timeoutMs?: number
  /** further attempts for an idempotent call that got no answer, 429 or 5xx (default 2) */
  retries?: number
  /** pause before a retry, doubled each time (default 200 ms) */
  retryDelayMs?: number
  /** other values to keep out of logs and errors (an API key in a header…) */
  secrets?: string[]
}

export interface HttpRequest {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'
  path?: string
  /** a body sent as JSON */
  json?: unknown
  headers?: Record<string, string>
  /**
   * Whether the call may be sent twice with no harm. GET, HEAD, PUT, DELETE
   * and OPTIONS are; POST and PATCH are not unless the service deduplicates
   * them (an idempotency key): say so here to have them retried.
   */
  idempotent?: boolean
  timeoutMs?: number
}

export interface HttpAnswer {
  status: number
  ok: boolean
  headers: Headers
  text: string
  /** the body parsed as JSON, undefined when it is not JSON */
  json<T = unknown>(): T | undefined
}

/** No answer from the service (unreachable, or too slow): the message is redacted. */
export class AdapterError extends Error {
  constructor(
    message: string,
    readonly adapter: string,
    readonly attempts: number
  ) {
    super(message)
    this.name = 'AdapterError'
  }
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])
const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504])

/**
 * The HTTP side of an adapter: every call has a timeout, only idempotent
 * calls are retried (a POST that timed out may have been carried out), and
 * the token and secrets never reach a log line or an error message.
 * Answers with any HTTP status; throws AdapterError only when there is no
 * answer.
 */
export class HttpClient {
  readonly #options: Required<Omit<HttpClientOptions, 'token'>> & { token?: string }

  constructor(options: HttpClientOptions) {
    this.#options = {
      adapter: options.adapter,
      url: options.url,
      token: options.token,
      timeoutMs: options.timeoutMs ?? 10_000,
      retries: options.retries ?? 2,
      retryDelayMs: options.retryDelayMs ?? 200,
      secrets: options.secrets ?? [],
    }
  }

  /** `text` without the token, the secrets or credentials in URLs. */
  redact(text: string) {
    return redactSecrets(text, [this.#options.token, ...this.#options.secrets])
  }

  async request(request: HttpRequest = {}): Promise<HttpAnswer> {
    const method = request.method ?? 'GET'
    const url = this.#options.url + (request.path ?? '')
    const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(method)
    const attempts = idempotent ? 1 + this.#options.retries : 1
    const timeoutMs = request.timeoutMs ?? this.#options.timeoutMs
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= attempts
      let answer: HttpAnswer
      try {
        answer = await this.#send(method, url, request, timeoutMs)
      } catch (error) {
        const reason = this.#reason(error, timeoutMs)
        this.#log(method, url, attempt, { reason })
        if (last) {
          const tries = attempts > 1 ? ` (${attempt} attempts)` : ''
          throw new AdapterError(
            this.redact(`${this.#options.adapter}: ${method} ${url} failed: ${reason}${tries}`),
            this.#options.adapter,
            attempt
          )
        }
        await this.#pause(attempt)
        continue
      }
      if (!RETRIED_STATUSES.has(answer.status)) return answer
      this.#log(method, url, attempt, { status: answer.status })
      if (last) return answer
      await this.#pause(attempt)
    }
  }

  async #send(method: string, url: string, request: HttpRequest, timeoutMs: number) {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers }
    if (this.#options.token) headers.authorization = `Bearer ${this.#options.token}`
    if (request.json !== undefined) headers['content-type'] = 'application/json'
    const response = await fetch(url, {
      method,
      headers,
      body: request.json === undefined ? undefined : JSON.stringify(request.json),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text()
    return {
      status: response.status,
      ok: response.ok,
      headers: response.headers,
      text,
      json<T>() {
        try {
          return JSON.parse(text) as T
        } catch {
          return undefined
        }
      },
    }
  }

  #reason(error: unknown, timeoutMs: number) {
    const name = (error as Error)?.name
    if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause
    return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error)
  }

  #log(method: string, url: string, attempt: number, outcome: object) {
    logger.warn(
      { adapter: this.#options.adapter, method, url: this.redact(url), attempt, ...outcome },
      'adapter call failed'
    )
  }

  #pause(attempt: number) {
    const ms = this.#options.retryDelayMs * 2 ** (attempt - 1)
    return new Promise((resolve) => setTimeout(resolve, ms))
  }
}

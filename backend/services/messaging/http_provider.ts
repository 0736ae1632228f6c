import type { MessageProvider, OutgoingMessage } from './message_provider.ts'
import { MessageProviderError } from './message_provider.ts'

/**
 * Posts `{ channel, to, subject, body }` as JSON to the gateway URL with a
 * bearer token and expects 2xx `{ id }`. Any other answer, or no answer
 * within the timeout, is a failed message (logged on the client).
 */
export class HttpMessageProvider implements MessageProvider {
  readonly name = 'http'

  constructor(
    private url: string,
    private token: string | undefined,
    private timeoutMs = 10_000
  ) {}

  async send(message: OutgoingMessage) {
    let response: Response
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (error) {
      throw new MessageProviderError(`Gateway unreachable: ${(error as Error).message}`)
    }
    const text = await response.text()
    if (!response.ok) {
      throw new MessageProviderError(`Gateway answered ${response.status}: ${text.slice(0, 200)}`)
    }
    let id: unknown
    try {
      id = (JSON.parse(text) as { id?: unknown }).id
    } catch {
      id = undefined
    }
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new MessageProviderError('Gateway answered without a message id')
    }
    return { providerMessageId: String(id) }
  }
}

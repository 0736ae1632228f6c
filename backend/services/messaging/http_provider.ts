import type { HttpClient } from '#services/adapters/http_client'
import type { MessageProvider, OutgoingMessage } from './message_provider.ts'
import { MessageProviderError } from './message_provider.ts'

/**
 * Posts `{ channel, to, subject, body }` as JSON to the gateway URL with a
 * bearer token and expects 2xx `{ id }`. Any other answer, or no answer
 * within the timeout, is a failed message (logged on the client). A POST
 * is never retried: the gateway may have sent the first one.
 */
export class HttpMessageProvider implements MessageProvider {
  readonly name = 'http'

  constructor(private http: HttpClient) {}

  async send(message: OutgoingMessage) {
    let answer
    try {
      answer = await this.http.request({ method: 'POST', json: message })
    } catch (error) {
      throw new MessageProviderError(`Gateway unreachable: ${(error as Error).message}`)
    }
    if (!answer.ok) {
      const text = this.http.redact(answer.text).slice(0, 200)
      throw new MessageProviderError(`Gateway answered ${answer.status}: ${text}`)
    }
    const id = answer.json<{ id?: unknown }>()?.id
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new MessageProviderError('Gateway answered without a message id')
    }
    return { providerMessageId: String(id) }
  }
}

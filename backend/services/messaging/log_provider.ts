import { randomUUID } from 'node:crypto'
import logger from '@adonisjs/core/services/logger'
import type { MessageProvider, OutgoingMessage } from './message_provider.ts'

/**
 * Sends nothing: logs the message and answers an id, so a laptop or a
 * demo can notify clients without a gateway.
 */
export class LogMessageProvider implements MessageProvider {
  readonly name = 'log'

  async send(message: OutgoingMessage) {
    const providerMessageId = `log-${randomUUID()}`
    logger.info(
      { message: { ...message, body: message.body.slice(0, 200) }, providerMessageId },
      'message (log provider)'
    )
    return { providerMessageId }
  }
}

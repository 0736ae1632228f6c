import env from '#start/env'
import type { MessageProvider } from './message_provider.ts'
import { LogMessageProvider } from './log_provider.ts'
import { HttpMessageProvider } from './http_provider.ts'

export type { MessageProvider, OutgoingMessage } from './message_provider.ts'
export { MessageProviderError } from './message_provider.ts'

/**
 * The configured provider, read from the environment on each call so a
 * test (or an operator) can switch it without a restart of the process.
 */
export function messageProvider(): MessageProvider {
  if (env.get('MESSAGING_PROVIDER', 'log') === 'http') {
    const url = process.env.MESSAGING_HTTP_URL ?? env.get('MESSAGING_HTTP_URL')
    if (!url) throw new Error('MESSAGING_PROVIDER=http needs MESSAGING_HTTP_URL')
    return new HttpMessageProvider(
      url,
      process.env.MESSAGING_HTTP_TOKEN ?? env.get('MESSAGING_HTTP_TOKEN')
    )
  }
  return new LogMessageProvider()
}
